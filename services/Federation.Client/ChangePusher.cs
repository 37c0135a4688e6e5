using System.Globalization;
using Grpc.Core;
using Kommune20.Contracts.Federation;
using Kommune20.Federation.Grpc;
using FederationGrpcClient = Kommune20.Federation.Grpc.Federation.FederationClient;

namespace Kommune20.Federation.Client;

/// <summary>
/// Sends a change log to the hub over one push stream: asks for the cursor with an empty batch, streams the changes
/// after it in batches and records each ack. The hub ends a stream after a bounded number of batches
/// (RESOURCE_EXHAUSTED without a retry-after): the pusher then opens a new one and resumes from the cursor.
/// Holds no state of its own beyond the channel and the token source, so one process can push for many nodes
/// (a relay, or a benchmark fleet) over one shared HTTP/2 channel, each call with its node's own token.
/// </summary>
public sealed class ChangePusher(FederationGrpcClient hub, Func<CancellationToken, ValueTask<string>> accessToken, int batchSize = ChangePusher.DefaultBatchSize)
{
    public const int DefaultBatchSize = 200;

    /// <summary>Pushes everything the hub has not acknowledged yet and returns the acknowledged version.</summary>
    public async Task<long> PushPendingAsync(IChangeLog log, CancellationToken cancellationToken)
    {
        var acknowledged = -1L;
        while (true)
        {
            var before = acknowledged;
            try
            {
                return await PushOverOneStreamAsync(log, version => acknowledged = version, cancellationToken);
            }
            catch (RpcException ended) when (ended.StatusCode == StatusCode.ResourceExhausted && RetryAfter(ended) is null && acknowledged > before)
            {
                // The stream reached its bound of batches; a new one goes on (unless the last one made no progress).
            }
        }
    }

    /// <summary>How long the hub asks this credential to wait (it flooded), or null when it did not ask.</summary>
    public static TimeSpan? RetryAfter(RpcException exception) =>
        exception.StatusCode == StatusCode.ResourceExhausted
        && exception.Trailers.GetValue(PushTrailers.RetryAfter) is { } value
        && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;

    async Task<long> PushOverOneStreamAsync(IChangeLog log, Action<long> acknowledgedNow, CancellationToken cancellationToken)
    {
        var origin = log.OriginMemberId.ToString();
        using var call = hub.Push(await HeadersAsync(cancellationToken), cancellationToken: cancellationToken);

        // The first batch is empty: its ack says where to resume.
        var acknowledged = (await ExchangeAsync(call, new ChangeBatch { OriginMemberId = origin }, cancellationToken)).AcknowledgedVersion;
        acknowledgedNow(acknowledged);
        var changes = await log.ReadAfterAsync(acknowledged, batchSize, cancellationToken);
        if (changes.Count == 0)
            await log.RecordAckAsync(acknowledged, [], cancellationToken);
        while (changes.Count > 0)
        {
            var batch = new ChangeBatch { OriginMemberId = origin, HeadVersion = await log.HeadVersionAsync(cancellationToken) };
            batch.Changes.AddRange(changes);
            var ack = await ExchangeAsync(call, batch, cancellationToken);
            var last = changes[^1].Version;
            if (ack.AcknowledgedVersion < last)
                throw new RpcException(new Status(StatusCode.Internal, $"The hub acknowledged {ack.AcknowledgedVersion}, not {last}."));
            await log.RecordAckAsync(ack.AcknowledgedVersion, ack.Rejections, cancellationToken);
            acknowledged = ack.AcknowledgedVersion;
            acknowledgedNow(acknowledged);
            changes = await log.ReadAfterAsync(acknowledged, batchSize, cancellationToken);
        }
        await call.RequestStream.CompleteAsync();
        while (await call.ResponseStream.MoveNext(cancellationToken))
        {
            // The hub answers each batch once; nothing more is expected before it ends the call.
        }
        return acknowledged;
    }

    static async Task<BatchAck> ExchangeAsync(AsyncDuplexStreamingCall<ChangeBatch, BatchAck> call, ChangeBatch batch, CancellationToken cancellationToken)
    {
        await call.RequestStream.WriteAsync(batch, cancellationToken);
        if (!await call.ResponseStream.MoveNext(cancellationToken))
            throw new RpcException(new Status(StatusCode.Unavailable, "The hub closed the push stream without acknowledging the batch."));
        return call.ResponseStream.Current;
    }

    /// <summary>
    /// Sends a full snapshot; the hub withdraws whatever of this origin the snapshot lacks. After a restore from a backup,
    /// <paramref name="acknowledgedBeforeRestore"/> is the hub's cursor the node found beyond its log: what it delivered up
    /// to there and lost goes too.
    /// </summary>
    public async Task<ResyncSummary> ResyncAsync(IChangeLog log, CancellationToken cancellationToken, long acknowledgedBeforeRestore = 0)
    {
        var origin = log.OriginMemberId.ToString();
        var (snapshotVersion, records) = await log.SnapshotAsync(cancellationToken);
        using var call = hub.Resync(await HeadersAsync(cancellationToken), cancellationToken: cancellationToken);
        var chunks = records.Chunk(batchSize).ToList();
        if (chunks.Count == 0)
            chunks.Add([]);
        foreach (var chunk in chunks)
        {
            var message = new ResyncChunk { OriginMemberId = origin, SnapshotVersion = snapshotVersion, AcknowledgedBeforeRestore = acknowledgedBeforeRestore };
            message.Records.AddRange(chunk);
            await call.RequestStream.WriteAsync(message, cancellationToken);
        }
        await call.RequestStream.CompleteAsync();
        var summary = await call;
        await log.RecordAckAsync(summary.AcknowledgedVersion, summary.Rejections, cancellationToken);
        return summary;
    }

    /// <summary>
    /// What the hub holds in quarantine of this origin, including what a hub service refused after the ack (an update to
    /// a project the city does not take part in). Bounded: the editor's page does not wait on a silent hub.
    /// </summary>
    public async Task<IReadOnlyList<Rejection>> QuarantineAsync(Guid originMemberId, CancellationToken cancellationToken) =>
        (await hub.GetQuarantineAsync(new CursorRequest { OriginMemberId = originMemberId.ToString() }, await HeadersAsync(cancellationToken),
            deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: cancellationToken)).Rejections;

    async Task<Metadata> HeadersAsync(CancellationToken cancellationToken) =>
        new() { { "Authorization", "Bearer " + await accessToken(cancellationToken) } };
}
