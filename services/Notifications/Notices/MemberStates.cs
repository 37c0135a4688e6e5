using System.Collections.Concurrent;
using Grpc.Core;
using Kommune20.Registry.Grpc;
using RegistryClient = Kommune20.Registry.Grpc.Registry.RegistryClient;

namespace Kommune20.Notifications.Notices;

/// <summary>
/// The federal state of each member a notice is about, asked of the register once per member and kept for an hour (a member
/// rarely moves), so that a library filter by state ("Baden-Württemberg") can match; and its name, which the feeds name as
/// author. A silent register leaves the state or name out rather than holding the notice or the feed back.
/// </summary>
public sealed class MemberStates(RegistryClient registry, TimeProvider clock, ILogger<MemberStates> logger)
{
    static readonly TimeSpan Kept = TimeSpan.FromHours(1);
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    readonly ConcurrentDictionary<Guid, (MemberReply? Member, DateTimeOffset AskedAt)> known = new();

    /// <summary>How many questions a batch puts to the register at once.</summary>
    const int QuestionsAtOnce = 8;

    /// <summary>
    /// Asks the register about the members it does not know yet, several at a time: a batch of notices about new members
    /// (thousands of cities publishing after an outage) then waits for the slowest answers rather than for each in turn.
    /// </summary>
    public Task LearnAsync(IEnumerable<Guid> memberIds, CancellationToken ct) =>
        Parallel.ForEachAsync(memberIds.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = QuestionsAtOnce, CancellationToken = ct },
            async (memberId, token) => await MemberAsync(memberId, token));

    public async Task<List<string>> OfAsync(IEnumerable<Guid> memberIds, CancellationToken ct)
    {
        var states = new List<string>();
        foreach (var id in memberIds.Distinct())
            if ((await MemberAsync(id, ct))?.FederalState is { Length: > 0 } state && !states.Contains(state))
                states.Add(state);
        return states;
    }

    /// <summary>The member's name in the register, or null when it does not know the member or did not answer.</summary>
    public async Task<string?> NameOfAsync(Guid memberId, CancellationToken ct) =>
        (await MemberAsync(memberId, ct))?.Name is { Length: > 0 } name ? name : null;

    async Task<MemberReply?> MemberAsync(Guid memberId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (known.TryGetValue(memberId, out var held) && now - held.AskedAt < Kept)
            return held.Member;
        try
        {
            var reply = await registry.GetMemberAsync(new GetMemberRequest { MemberId = memberId.ToString() },
                deadline: DateTime.UtcNow.Add(Patience), cancellationToken: ct);
            known[memberId] = (reply, now);
            return reply;
        }
        catch (RpcException rpc) when (rpc.StatusCode == StatusCode.NotFound)
        {
            known[memberId] = (null, now);
            return null;
        }
        catch (RpcException rpc) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(rpc, "The register did not say who {Member} is; the notice or feed goes without its state or name", memberId);
            return null;
        }
    }
}
