using System.Diagnostics;
using System.Threading.Channels;
using Kommune20.Federation.Data;

namespace Kommune20.Federation.Replicas;

/// <summary>
/// The single writer of replicas, with group commit: work from many concurrent push streams queues here and is
/// staged into one <see cref="ReplicaUnit"/> (one DbContext) and committed with one SaveChanges (replicas, cursors,
/// quarantine and outbox together). Thousands of nodes reconnecting at once thus cost tens of transactions instead of
/// one per batch, and SQLite never sees two writers. When a group fails, each of its items is retried alone (in a unit
/// of its own) so one bad item cannot sink the others. Each item is staged in its caller's trace, so the events it puts
/// in the outbox carry the trace of the push that caused them.
/// </summary>
public sealed class ReplicaWriter(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReplicaWriter> logger) : BackgroundService
{
    const int MaxItemsPerCommit = 128;
    const int MaxChangesPerCommit = 4_000;

    readonly Channel<IWork> _queue = Channel.CreateUnbounded<IWork>(new UnboundedChannelOptions { SingleReader = true });

    public Task<T> WriteAsync<T>(int size, Func<ReplicaUnit, DateTimeOffset, CancellationToken, Task<T>> stage, CancellationToken cancellationToken)
    {
        var work = new Work<T>(size, stage, cancellationToken);
        if (!_queue.Writer.TryWrite(work))
            throw new InvalidOperationException("The replica writer has stopped.");
        return work.Result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<IWork>();
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            group.Clear();
            var changes = 0;
            while (group.Count < MaxItemsPerCommit && changes < MaxChangesPerCommit && _queue.Reader.TryRead(out var work))
            {
                if (work.IsCancelled)
                    continue;
                group.Add(work);
                changes += work.Size;
            }
            if (group.Count == 0)
                continue;

            if (!await TryCommitAsync(group, stoppingToken) && group.Count > 1)
            {
                foreach (var work in group)
                    await TryCommitAsync([work], stoppingToken);
            }
        }
    }

    async Task<bool> TryCommitAsync(IReadOnlyList<IWork> group, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FederationDb>();
            var unit = new ReplicaUnit(db);
            var now = clock.GetUtcNow();
            foreach (var work in group)
                await work.StageAsync(unit, now, stoppingToken);
            await db.SaveChangesAsync(stoppingToken);
            foreach (var work in group)
                work.Succeed();
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Committing {Count} replica writes failed", group.Count);
            if (group.Count == 1)
                group[0].Fail(exception);
            return false;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        while (_queue.Reader.TryRead(out var work))
            work.Fail(new OperationCanceledException("The hub is shutting down."));
    }

    interface IWork
    {
        int Size { get; }
        bool IsCancelled { get; }
        Task StageAsync(ReplicaUnit unit, DateTimeOffset now, CancellationToken cancellationToken);
        void Succeed();
        void Fail(Exception exception);
    }

    sealed class Work<T>(int size, Func<ReplicaUnit, DateTimeOffset, CancellationToken, Task<T>> stage, CancellationToken callerToken) : IWork
    {
        readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        readonly Activity? _caller = Activity.Current;
        T? _staged;

        public Task<T> Result => _result.Task;
        public int Size => size;

        public bool IsCancelled
        {
            get
            {
                if (!callerToken.IsCancellationRequested)
                    return false;
                _result.TrySetCanceled(callerToken);
                return true;
            }
        }

        public async Task StageAsync(ReplicaUnit unit, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var writer = Activity.Current;
            Activity.Current = _caller;
            try
            {
                _staged = await stage(unit, now, cancellationToken);
            }
            finally
            {
                Activity.Current = writer;
            }
        }

        public void Succeed() => _result.TrySetResult(_staged!);

        public void Fail(Exception exception) => _result.TrySetException(exception);
    }
}
