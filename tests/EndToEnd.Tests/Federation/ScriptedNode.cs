using Kommune20.Federation.Client;
using Kommune20.Federation.Grpc;

namespace Kommune20.EndToEnd.Tests.Federation;

/// <summary>
/// A light federation client's change log held in memory (the shape a fleet of simulated nodes uses): it lets a test
/// push exactly the changes it means, forged or malformed ones included, with any credential.
/// </summary>
public sealed class ScriptedNode(Guid originMemberId, params Change[] changes) : IChangeLog
{
    public Guid OriginMemberId => originMemberId;
    public long Acknowledged { get; private set; }
    public List<Rejection> Rejections { get; } = [];

    public Task<long> HeadVersionAsync(CancellationToken cancellationToken) => Task.FromResult(changes.Length == 0 ? 0 : changes.Max(c => c.Version));

    public Task<IReadOnlyList<Change>> ReadAfterAsync(long version, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Change>>(changes.Where(c => c.Version > version).OrderBy(c => c.Version).Take(max).ToList());

    public async Task<(long SnapshotVersion, IReadOnlyList<Change> Records)> SnapshotAsync(CancellationToken cancellationToken) =>
        (await HeadVersionAsync(cancellationToken), changes.Where(c => c.RecordCase != Change.RecordOneofCase.Tombstone).ToList());

    public Task RecordAckAsync(long acknowledgedVersion, IReadOnlyList<Rejection> rejections, CancellationToken cancellationToken)
    {
        Acknowledged = acknowledgedVersion;
        Rejections.AddRange(rejections);
        return Task.CompletedTask;
    }
}
