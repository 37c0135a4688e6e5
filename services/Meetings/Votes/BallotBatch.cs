using Kommune20.Meetings.Data;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Votes;

/// <summary>
/// Stages the waiting ballots of one open vote, in the order they came, with one lookup of what the database holds for
/// their members: a later ballot for a member changes the earlier one, in this batch or before it.
/// </summary>
public static class BallotBatch
{
    public static Task<List<BallotOutcome>> StageAsync(MeetingsDb db, Vote vote, IReadOnlyList<BallotRequest> ballots, DateTimeOffset now,
        CancellationToken ct) =>
        vote.Secret ? StageSecretAsync(db, vote.Id, ballots, now, ct) : StageOpenAsync(db, vote.Id, ballots, now, ct);

    static async Task<List<BallotOutcome>> StageOpenAsync(MeetingsDb db, Guid voteId, IReadOnlyList<BallotRequest> ballots, DateTimeOffset now,
        CancellationToken ct)
    {
        var members = ballots.Select(b => b.MemberId).Distinct().ToList();
        var cast = await db.Ballots.Where(b => b.VoteId == voteId && members.Contains(b.MemberId)).ToDictionaryAsync(b => b.MemberId, ct);
        var outcomes = new List<BallotOutcome>(ballots.Count);
        foreach (var request in ballots)
        {
            if (cast.TryGetValue(request.MemberId, out var ballot))
                (ballot.Choice, ballot.CastBy, ballot.CastAt) = (request.Choice, request.CastBy, now);
            else
            {
                ballot = new Ballot { VoteId = voteId, MemberId = request.MemberId, CastBy = request.CastBy, Choice = request.Choice, CastAt = now };
                db.Ballots.Add(ballot);
                cast[request.MemberId] = ballot;
            }
            outcomes.Add(new BallotOutcome.Accepted(null));
        }
        return outcomes;
    }

    static async Task<List<BallotOutcome>> StageSecretAsync(MeetingsDb db, Guid voteId, IReadOnlyList<BallotRequest> ballots, DateTimeOffset now,
        CancellationToken ct)
    {
        var members = ballots.Select(b => b.MemberId).Distinct().ToList();
        var voted = (await db.BallotsCast.Where(c => c.VoteId == voteId && members.Contains(c.MemberId)).Select(c => c.MemberId).ToListAsync(ct))
            .ToHashSet();
        var codes = ballots.Select(b => ReceiptCode.Normalize(b.ReceiptCode)).OfType<string>().Distinct().ToList();
        var byReceipt = codes.Count == 0
            ? []
            : await db.SecretBallots.Where(b => b.VoteId == voteId && codes.Contains(b.ReceiptCode)).ToDictionaryAsync(b => b.ReceiptCode, ct);
        var outcomes = new List<BallotOutcome>(ballots.Count);
        foreach (var request in ballots)
        {
            if (voted.Contains(request.MemberId))
            {
                // The ballot is found by its receipt only: nothing stored links a secret ballot to the member that cast it.
                if (ReceiptCode.Normalize(request.ReceiptCode) is { } code && byReceipt.TryGetValue(code, out var ballot))
                {
                    ballot.Choice = request.Choice;
                    outcomes.Add(new BallotOutcome.Accepted(ballot.ReceiptCode));
                }
                else
                    outcomes.Add(new BallotOutcome.AlreadyCast());
                continue;
            }
            var receipt = ReceiptCode.New();
            var secret = new SecretBallot { Id = Guid.NewGuid(), VoteId = voteId, ReceiptCode = receipt, Choice = request.Choice };
            db.BallotsCast.Add(new BallotCast { VoteId = voteId, MemberId = request.MemberId, CastAt = now });
            db.SecretBallots.Add(secret);
            voted.Add(request.MemberId);
            byReceipt[receipt] = secret;
            outcomes.Add(new BallotOutcome.Accepted(receipt));
        }
        return outcomes;
    }
}
