using System.Security.Claims;
using Kommune20.Contracts.Meetings;
using Kommune20.Data.Audit;
using Kommune20.Meetings.Assemblies;
using Kommune20.Meetings.Assemblies.Rules;
using Kommune20.Meetings.Attendance;
using Kommune20.Meetings.Data;
using Kommune20.Meetings.Members;
using Kommune20.Messaging;
using Kommune20.ServiceDefaults.Problems;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Votes;

/// <summary>
/// Votes on motions: the office opens one when the assembly has its quorum (the roll freezes), delegates cast one ballot
/// per member they vote for and may change it until the office closes the vote, and the count is taken once.
/// </summary>
public static class VotesApi
{
    public static RouteGroupBuilder MapVotesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings").WithTags("Votes");
        group.MapPost("/assemblies/{assemblyId:guid}/votes", OpenAsync).RequireAuthorization(Policies.Office);
        group.MapGet("/votes/{voteId:guid}", GetAsync).AllowAnonymous();
        group.MapGet("/votes/{voteId:guid}/mine", MineAsync).RequireAuthorization(Policies.Delegate);
        group.MapPost("/votes/{voteId:guid}/ballots", CastAsync).RequireAuthorization(Policies.Delegate);
        group.MapPost("/votes/{voteId:guid}/close", CloseAsync).RequireAuthorization(Policies.Office);
        group.MapGet("/votes/{voteId:guid}/receipts", ReceiptsAsync).AllowAnonymous();
        return group;
    }

    static async Task<Results<Created<VoteDto>, ValidationProblem, NotFound, ProblemHttpResult>> OpenAsync(
        Guid assemblyId, OpenVote input, ClaimsPrincipal user, MeetingsDb db, AssemblyAttendance attendance, Statutes statutes,
        FrozenRolls rolls, TimeProvider clock, CancellationToken ct)
    {
        var assembly = await db.Assemblies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assemblyId, ct);
        if (assembly is null)
            return TypedResults.NotFound();
        if (assembly.InvitedAt is null)
            return Refusals.Conflict("Die Versammlung ist noch nicht einberufen.", "Abgestimmt wird erst in einer Versammlung, zu der eingeladen wurde.");
        var motion = input.MotionId is { } motionId
            ? await db.Motions.AsNoTracking().FirstOrDefaultAsync(m => m.Id == motionId && m.AssemblyId == assemblyId, ct)
            : null;
        if (motion is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["motionId"] = ["Zu dieser Versammlung gibt es keinen solchen Antrag."] });
        if (await db.Votes.AnyAsync(v => v.AssemblyId == assemblyId && v.ClosedAt == null, ct))
            return Refusals.Conflict("Es läuft bereits eine Abstimmung.", "Bitte die laufende Abstimmung schließen, bevor die nächste beginnt.");
        if (await db.Votes.AnyAsync(v => v.MotionId == motion.Id, ct))
            return Refusals.Conflict("Über diesen Antrag wurde bereits abgestimmt.", "Ein geschlossenes Ergebnis ändert sich nicht mehr.");

        var (roll, _) = await attendance.RollAsync(assemblyId, ct);
        if (!roll.QuorumReached(statutes))
            return Refusals.Conflict("Die Versammlung ist nicht beschlussfähig.",
                $"Anwesend oder vertreten sind {roll.PresentOrRepresented} von {roll.VotingMembers} stimmberechtigten Mitgliedern; "
                + $"die Satzung verlangt {statutes.QuorumOf(roll.VotingMembers)}.");

        var vote = new Vote
        {
            Id = Guid.NewGuid(),
            AssemblyId = assemblyId,
            MotionId = motion.Id,
            Secret = input.Secret,
            Majority = statutes.MajorityFor(motion.Kind),
            OpenedAt = clock.GetUtcNow(),
            VotingMembers = roll.VotingMembers,
            QuorumRequired = statutes.QuorumOf(roll.VotingMembers),
            Present = roll.Present,
            Represented = roll.Represented,
            Roll = roll.CastBy.ToDictionary(),
            Casters = await db.Delegates.Where(d => d.AssemblyId == assemblyId && d.CheckedInAt != null)
                .ToDictionaryAsync(d => d.PersonId, d => d.MemberId, ct),
        };
        db.Votes.Add(vote);
        db.AddAuditEntry(user, "vote.opened", $"assembly/{vote.AssemblyId}/vote/{vote.Id}", before: null,
            after: new { vote.MotionId, vote.Secret, vote.Majority, vote.VotingMembers, vote.Present, vote.Represented });
        await db.SaveChangesAsync(ct);
        rolls.Remember(vote);
        return TypedResults.Created($"/api/meetings/votes/{vote.Id}", VoteDto.From(vote, motion.Title));
    }

    static async Task<Results<Ok<VoteDto>, NotFound>> GetAsync(Guid voteId, ClaimsPrincipal user, MeetingsDb db, CancellationToken ct)
    {
        var vote = await db.Votes.FindWithoutRollAsync(voteId, ct);
        if (vote is null || await db.FindVisibleAsync(vote.AssemblyId, user, ct) is null)
            return TypedResults.NotFound();
        return TypedResults.Ok(await ViewAsync(vote, db, ct));
    }

    static async Task<Results<Ok<MyBallots>, NotFound>> MineAsync(
        Guid voteId, ClaimsPrincipal user, MeetingsDb db, VotingRegister register, CancellationToken ct)
    {
        var vote = await db.Votes.AsNoTracking().FirstOrDefaultAsync(v => v.Id == voteId, ct);
        if (vote is null)
            return TypedResults.NotFound();
        var memberIds = vote.MembersVotedBy(user.FindFirstValue(Kommune20Claims.Subject)).ToList();
        var open = vote.Secret ? [] : await db.Ballots.AsNoTracking()
            .Where(b => b.VoteId == voteId && memberIds.Contains(b.MemberId)).ToDictionaryAsync(b => b.MemberId, b => b.Choice, ct);
        var cast = vote.Secret ? await db.BallotsCast.AsNoTracking()
            .Where(c => c.VoteId == voteId && memberIds.Contains(c.MemberId)).Select(c => c.MemberId).ToListAsync(ct) : [];
        var nameOf = await register.VotingMembersAsync(ct);
        return TypedResults.Ok(new MyBallots(await ViewAsync(vote, db, ct), memberIds.Select(id => new MyBallot(id,
            nameOf.GetValueOrDefault(id, "–"), open.TryGetValue(id, out var choice) ? choice : null,
            open.ContainsKey(id) || cast.Contains(id))).ToList()));
    }

    static async Task<Results<Ok<BallotReceipt>, ValidationProblem, NotFound, ProblemHttpResult>> CastAsync(
        Guid voteId, CastBallot input, ClaimsPrincipal user, FrozenRolls rolls, BallotBox box, CancellationToken ct)
    {
        if (input.MemberId is not { } memberId || input.Choice is not { } choice)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [input.MemberId is null ? "memberId" : "choice"] = ["Bitte das Mitglied und die Stimme (yes, no, abstain) angeben."],
            });
        if (await rolls.OfAsync(voteId, ct) is not { } roll)
            return TypedResults.NotFound();
        var person = user.FindFirstValue(Kommune20Claims.Subject)!;
        if (!roll.MembersVotedBy(person).Contains(memberId))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Sie vertreten dieses Mitglied in dieser Abstimmung nicht.",
                detail: "Abstimmen darf, wer für ein stimmberechtigtes Mitglied angemeldet und eingecheckt ist, für dieses Mitglied und die Mitglieder, deren Vollmacht es trägt.",
                extensions: new Dictionary<string, object?> { ["field"] = "memberId" });

        var ballot = new BallotRequest(voteId, memberId, choice, person, input.ReceiptCode);
        return await box.CastAsync(ballot, ct) switch
        {
            BallotOutcome.Accepted accepted => TypedResults.Ok(new BallotReceipt(voteId, memberId, choice, accepted.Receipt)),
            BallotOutcome.VoteNotFound => TypedResults.NotFound(),
            BallotOutcome.VoteClosed => Refusals.Conflict("Die Abstimmung ist geschlossen.",
                "Nach dem Schluss der Abstimmung wird keine Stimme mehr angenommen oder geändert."),
            BallotOutcome.AlreadyCast => Refusals.Conflict("Für dieses Mitglied ist bereits abgestimmt.",
                "Eine geheime Stimme ändert, wer den Quittungscode der ersten Stimme angibt (Feld receiptCode)."),
            _ => Refusals.Conflict("Für dieses Mitglied ist gerade eine Stimme eingegangen.",
                "Bitte die Abstimmung neu laden; die Stimme lässt sich bis zum Schluss ändern."),
        };
    }

    static async Task<Results<Ok<VoteDto>, NotFound, ProblemHttpResult>> CloseAsync(
        Guid voteId, ClaimsPrincipal user, MeetingsDb db, VoteLock voteLock, FrozenRolls rolls, TimeProvider clock, CancellationToken ct)
    {
        await using var held = await voteLock.HoldForCloseAsync(db, voteId, ct);
        var vote = await db.Votes.FirstOrDefaultAsync(v => v.Id == voteId, ct);
        if (vote is null)
            return TypedResults.NotFound();
        if (!vote.IsOpen)
            return Refusals.Conflict("Die Abstimmung ist bereits geschlossen.", "Ein geschlossenes Ergebnis ändert sich nicht mehr.");

        var choices = vote.Secret
            ? await db.SecretBallots.Where(b => b.VoteId == voteId).Select(b => b.Choice).ToListAsync(ct)
            : await db.Ballots.Where(b => b.VoteId == voteId).Select(b => b.Choice).ToListAsync(ct);
        var tally = new Tally(choices.Count(c => c == Choice.Yes), choices.Count(c => c == Choice.No), choices.Count(c => c == Choice.Abstain));
        var now = clock.GetUtcNow();
        vote.ClosedAt = now;
        (vote.Yes, vote.No, vote.Abstain) = (tally.Yes, tally.No, tally.Abstain);
        vote.YesNeeded = tally.YesNeeded(vote.Majority, vote.VotingMembers);
        vote.Passed = tally.Passes(vote.Majority, vote.VotingMembers);
        var motionTitle = await db.Motions.Where(m => m.Id == vote.MotionId).Select(m => m.Title).FirstAsync(ct);
        db.AddIntegrationEvent(new VoteClosed(vote.Id, vote.AssemblyId, vote.MotionId, motionTitle, tally.Yes, tally.No, tally.Abstain,
            vote.Majority.ToString(), vote.Passed.Value, now));
        db.AddAuditEntry(user, "vote.closed", $"assembly/{vote.AssemblyId}/vote/{vote.Id}", before: null,
            after: new { vote.Yes, vote.No, vote.Abstain, vote.YesNeeded, vote.Passed, vote.ClosedAt });
        await db.SaveChangesAsync(ct);
        await held.CommitAsync(ct);
        rolls.Forget(voteId);
        return TypedResults.Ok(VoteDto.From(vote, motionTitle));
    }

    static async Task<Results<Ok<List<PublishedBallot>>, NotFound, ProblemHttpResult>> ReceiptsAsync(
        Guid voteId, ClaimsPrincipal user, MeetingsDb db, CancellationToken ct)
    {
        var vote = await db.Votes.AsNoTracking().FirstOrDefaultAsync(v => v.Id == voteId, ct);
        if (vote is null || !vote.Secret || await db.FindVisibleAsync(vote.AssemblyId, user, ct) is null)
            return TypedResults.NotFound();
        if (vote.IsOpen)
            return Refusals.Conflict("Die Abstimmung läuft noch.", "Die Quittungen werden mit dem Ergebnis veröffentlicht, wenn die Abstimmung geschlossen ist.");
        return TypedResults.Ok(await db.SecretBallots.AsNoTracking().Where(b => b.VoteId == voteId).OrderBy(b => b.ReceiptCode)
            .Select(b => new PublishedBallot(b.ReceiptCode, b.Choice)).ToListAsync(ct));
    }

    static async Task<VoteDto> ViewAsync(Vote vote, MeetingsDb db, CancellationToken ct) =>
        VoteDto.From(vote, await db.Motions.Where(m => m.Id == vote.MotionId).Select(m => m.Title).FirstAsync(ct));
}
