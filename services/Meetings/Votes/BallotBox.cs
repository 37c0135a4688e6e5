using System.Collections.Concurrent;
using Kommune20.Meetings.Data;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Votes;

/// <summary>
/// Every ballot cast at this instance goes through here, with group commit: the ballots waiting at a moment are written
/// per vote in one transaction that holds the vote as <see cref="VoteLock"/> does for a single ballot (so none lands
/// after the count), with one lookup of their members' earlier ballots and one commit. A thousand delegates casting at
/// once thus cost a few dozen transactions instead of a thousand, one after the other (bench/findings/votes.md). When a
/// group fails (on PostgreSQL another instance may have stored a member's ballot at that moment), each of its ballots
/// is tried alone, so one cannot sink the others. Ballots queue without a lock: with a thousand requests handing theirs in
/// at the same moment, a lock around the queue made the threads spin for it (a fifth of Meetings' CPU while casting).
/// </summary>
public sealed class BallotBox(IServiceScopeFactory scopes, VoteLock voteLock, TimeProvider clock, ILogger<BallotBox> logger) : BackgroundService
{
    const int MaxBallotsPerCommit = 500;

    readonly ConcurrentQueue<PendingBallot> _queue = new();
    readonly SemaphoreSlim _arrived = new(0);
    int _wakeRequested;
    volatile bool _stopped;

    public Task<BallotOutcome> CastAsync(BallotRequest ballot, CancellationToken ct)
    {
        if (_stopped)
            throw new InvalidOperationException("The ballot box has stopped.");
        var pending = new PendingBallot(ballot, ct);
        _queue.Enqueue(pending);
        // Only the first ballot after the box last looked wakes it; the others find the box already awake.
        if (Interlocked.Exchange(ref _wakeRequested, 1) == 0)
            _arrived.Release();
        if (_stopped)
            FailWaiting();
        return pending.Outcome;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var waiting = new List<PendingBallot>();
        while (true)
        {
            await _arrived.WaitAsync(stoppingToken);
            // Before looking: a ballot queued from now on wakes the box again, so none is left behind.
            Interlocked.Exchange(ref _wakeRequested, 0);
            while (!_queue.IsEmpty)
            {
                waiting.Clear();
                while (waiting.Count < MaxBallotsPerCommit && _queue.TryDequeue(out var pending))
                {
                    if (!pending.IsCancelled)
                        waiting.Add(pending);
                }
                foreach (var group in waiting.GroupBy(pending => pending.Ballot.VoteId))
                    await CommitAsync(group.Key, group.ToList(), stoppingToken);
            }
        }
    }

    async Task CommitAsync(Guid voteId, List<PendingBallot> ballots, CancellationToken stoppingToken)
    {
        if (!await TryCommitAsync(voteId, ballots, stoppingToken) && ballots.Count > 1)
        {
            foreach (var single in ballots)
                await TryCommitAsync(voteId, [single], stoppingToken);
        }
    }

    async Task<bool> TryCommitAsync(Guid voteId, IReadOnlyList<PendingBallot> ballots, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MeetingsDb>();
            await using var held = await voteLock.HoldForBallotAsync(db, voteId, stoppingToken);
            var vote = await db.Votes.FindWithoutRollAsync(voteId, stoppingToken);
            BallotOutcome? refused = vote is null ? new BallotOutcome.VoteNotFound() : vote.IsOpen ? null : new BallotOutcome.VoteClosed();
            var outcomes = refused is null
                ? await BallotBatch.StageAsync(db, vote!, [.. ballots.Select(pending => pending.Ballot)], clock.GetUtcNow(), stoppingToken)
                : [.. ballots.Select(_ => refused)];
            await db.SaveChangesAsync(stoppingToken);
            await held.CommitAsync(stoppingToken);
            for (var i = 0; i < ballots.Count; i++)
                ballots[i].Complete(outcomes[i]);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            if (ballots.Count > 1)
                logger.LogWarning(exception, "Writing {Count} ballots of vote {VoteId} together failed; each is tried alone", ballots.Count, voteId);
            else if (exception is DbUpdateException)
                ballots[0].Complete(new BallotOutcome.JustCast());
            else
                ballots[0].Fail(exception);
            return false;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopped = true;
        await base.StopAsync(cancellationToken);
        FailWaiting();
    }

    void FailWaiting()
    {
        while (_queue.TryDequeue(out var pending))
            pending.Fail(new OperationCanceledException("Meetings is shutting down."));
    }

    sealed class PendingBallot(BallotRequest ballot, CancellationToken callerToken)
    {
        readonly TaskCompletionSource<BallotOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public BallotRequest Ballot => ballot;
        public Task<BallotOutcome> Outcome => _outcome.Task;

        /// <summary>True when the delegate gave up waiting (the request was aborted): its ballot is not written.</summary>
        public bool IsCancelled => callerToken.IsCancellationRequested && _outcome.TrySetCanceled(callerToken);

        public void Complete(BallotOutcome outcome) => _outcome.TrySetResult(outcome);

        public void Fail(Exception exception) => _outcome.TrySetException(exception);
    }
}
