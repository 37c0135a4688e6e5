using System.Threading.Channels;
using Kommune20.Meetings.Data;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Votes;

/// <summary>
/// Every ballot cast at this instance goes through here, with group commit: the ballots waiting at a moment are written
/// per vote in one transaction that holds the vote as <see cref="VoteLock"/> does for a single ballot (so none lands
/// after the count), with one lookup of their members' earlier ballots and one commit. A thousand delegates casting at
/// once thus cost a few dozen transactions instead of a thousand, one after the other (bench/findings/votes.md). When a
/// group fails (on PostgreSQL another instance may have stored a member's ballot at that moment), each of its ballots
/// is tried alone, so one cannot sink the others.
/// </summary>
public sealed class BallotBox(IServiceScopeFactory scopes, VoteLock voteLock, TimeProvider clock, ILogger<BallotBox> logger) : BackgroundService
{
    const int MaxBallotsPerCommit = 500;

    readonly Channel<PendingBallot> _queue = Channel.CreateUnbounded<PendingBallot>(new UnboundedChannelOptions { SingleReader = true });

    public Task<BallotOutcome> CastAsync(BallotRequest ballot, CancellationToken ct)
    {
        var pending = new PendingBallot(ballot, ct);
        if (!_queue.Writer.TryWrite(pending))
            throw new InvalidOperationException("The ballot box has stopped.");
        return pending.Outcome;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var waiting = new List<PendingBallot>();
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            waiting.Clear();
            while (waiting.Count < MaxBallotsPerCommit && _queue.Reader.TryRead(out var pending))
            {
                if (!pending.IsCancelled)
                    waiting.Add(pending);
            }
            foreach (var group in waiting.GroupBy(pending => pending.Ballot.VoteId))
            {
                var ballots = group.ToList();
                if (!await TryCommitAsync(group.Key, ballots, stoppingToken) && ballots.Count > 1)
                {
                    foreach (var single in ballots)
                        await TryCommitAsync(group.Key, [single], stoppingToken);
                }
            }
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
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        while (_queue.Reader.TryRead(out var pending))
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
