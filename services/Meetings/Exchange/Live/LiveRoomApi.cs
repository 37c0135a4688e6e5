using System.Security.Claims;
using Kommune20.Data.Audit;
using Kommune20.Meetings.Data;
using Kommune20.Meetings.Practices;
using Kommune20.ServiceDefaults.Problems;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Exchange.Live;

/// <summary>
/// The live room during a session: participants (signed-in people of member organisations, and guests with a pass for
/// this session) read its state, post questions to the open guiding question and upvote others' once each; the session's moderators mark questions answered and record takeaways
/// per guiding question. Each change reaches everyone in the room through <see cref="LiveRoomHub"/> at once.
/// </summary>
public static class LiveRoomApi
{
    public const int MaxTextLength = 500;

    public static IEndpointRouteBuilder MapLiveRoom(this IEndpointRouteBuilder app)
    {
        app.MapHub<LiveRoomHub>(LiveRoomHub.Path).RequireAuthorization(LiveParticipant.Policy);
        var group = app.MapGroup("/api/meetings/exchange-sessions/{sessionId:guid}").WithTags("Live room");
        group.MapGet("/live", StateAsync).RequireAuthorization(LiveParticipant.Policy);
        group.MapPost("/audience-questions", AskAsync).RequireAuthorization(LiveParticipant.Policy);
        group.MapPost("/audience-questions/{questionId:guid}/votes", UpvoteAsync).RequireAuthorization(LiveParticipant.Policy);
        group.MapPost("/audience-questions/{questionId:guid}/answered", MarkAnsweredAsync).RequireAuthorization(Policies.Authenticated);
        group.MapPost("/takeaways", RecordTakeawayAsync).RequireAuthorization(Policies.Authenticated);
        return app;
    }

    static async Task<Results<Ok<LiveRoomState>, NotFound, ProblemHttpResult>> StateAsync(
        Guid sessionId, ClaimsPrincipal user, MeetingsDb db, LiveRoom room, CancellationToken ct)
    {
        var session = await db.FindSessionAsync(sessionId, ct);
        if (session is null)
            return TypedResults.NotFound();
        if (LiveParticipant.In(sessionId, user) is null)
            return LiveParticipant.Refusal(user);
        return TypedResults.Ok(await room.StateAsync(session, ct));
    }

    static async Task<Results<Created<AudienceQuestionDto>, ValidationProblem, NotFound, ProblemHttpResult>> AskAsync(
        Guid sessionId, AudienceQuestionInput input, ClaimsPrincipal user, MeetingsDb db, LiveRoom room, TimeProvider clock, CancellationToken ct)
    {
        var session = await db.FindSessionAsync(sessionId, ct);
        if (session is null)
            return TypedResults.NotFound();
        if (LiveParticipant.In(sessionId, user) is not { } participant)
            return LiveParticipant.Refusal(user);
        if (session.ResultsPublishedAt is not null)
            return ExchangeAccess.AlreadyPublished();
        if (string.IsNullOrWhiteSpace(input.Text) || input.Text.Trim().Length > MaxTextLength)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["text"] = [$"Die Frage fehlt oder ist länger als {MaxTextLength} Zeichen."],
            });
        if (await db.AudienceQuestions.CountAsync(q => q.SessionId == sessionId, ct) >= LiveRoom.MaxQuestions)
            return Refusals.Conflict("Der Raum ist voll.", $"Ein Erfahrungsaustausch nimmt höchstens {LiveRoom.MaxQuestions} Fragen auf.");

        var question = new AudienceQuestion
        {
            Id = Guid.NewGuid(),
            SessionId = sessionId,
            GuidingQuestionId = session.OpenQuestionId,
            AskedBy = participant.IsGuest ? null : participant.Id,
            AskedByGuest = participant.IsGuest ? participant.Id : null,
            AskerName = participant.Name,
            Text = input.Text.Trim(),
            AskedAt = clock.GetUtcNow(),
        };
        db.AudienceQuestions.Add(question);
        await db.SaveChangesAsync(ct);
        var ranked = await room.QuestionsChangedAsync(sessionId, ct);
        return TypedResults.Created($"/api/meetings/exchange-sessions/{sessionId}/live", ranked.First(q => q.Id == question.Id));
    }

    /// <summary>One upvote per participant (person or guest) and question: the second is a 409, whatever two requests race to do (the key holds it).</summary>
    static async Task<Results<Created<AudienceQuestionDto>, NotFound, ProblemHttpResult>> UpvoteAsync(
        Guid sessionId, Guid questionId, ClaimsPrincipal user, MeetingsDb db, LiveRoom room, TimeProvider clock, CancellationToken ct)
    {
        var question = await db.AudienceQuestions.AsNoTracking().FirstOrDefaultAsync(q => q.Id == questionId && q.SessionId == sessionId, ct);
        if (question is null)
            return TypedResults.NotFound();
        if (LiveParticipant.In(sessionId, user) is not { } participant)
            return LiveParticipant.Refusal(user);
        if (await db.AudienceVotes.AnyAsync(v => v.QuestionId == questionId && v.ParticipantId == participant.Id && v.ByGuest == participant.IsGuest, ct))
            return AlreadyVoted();
        db.AudienceVotes.Add(new AudienceVote { QuestionId = questionId, ParticipantId = participant.Id, ByGuest = participant.IsGuest, VotedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return AlreadyVoted();
        }
        var ranked = await room.QuestionsChangedAsync(sessionId, ct);
        return TypedResults.Created($"/api/meetings/exchange-sessions/{sessionId}/live", ranked.First(q => q.Id == questionId));
    }

    static async Task<Results<Ok<AudienceQuestionDto>, NotFound, ProblemHttpResult>> MarkAnsweredAsync(
        Guid sessionId, Guid questionId, ClaimsPrincipal user, MeetingsDb db, LiveRoom room, TimeProvider clock, CancellationToken ct)
    {
        var session = await db.FindSessionAsync(sessionId, ct);
        var question = session is null ? null : await db.AudienceQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.SessionId == sessionId, ct);
        if (session is null || question is null)
            return TypedResults.NotFound();
        if (!session.IsModeratedBy(user))
            return ExchangeAccess.NotModerator();
        if (question.AnsweredAt is null)
        {
            question.AnsweredAt = clock.GetUtcNow();
            db.AddAuditEntry(user, "exchange-session.audience-question-answered", $"exchange-session/{sessionId}/audience-questions/{questionId}",
                before: null, after: new { question.Text, question.AnsweredAt });
            await db.SaveChangesAsync(ct);
        }
        var ranked = await room.QuestionsChangedAsync(sessionId, ct);
        return TypedResults.Ok(ranked.First(q => q.Id == questionId));
    }

    static async Task<Results<Created<TakeawayDto>, ValidationProblem, NotFound, ProblemHttpResult>> RecordTakeawayAsync(
        Guid sessionId, TakeawayInput input, ClaimsPrincipal user, MeetingsDb db, LiveRoom room, LibraryPractices practices, TimeProvider clock,
        CancellationToken ct)
    {
        var session = await db.FindSessionAsync(sessionId, ct);
        if (session is null)
            return TypedResults.NotFound();
        if (session.RefuseModeratorChange(user) is { } refusal)
            return refusal;
        var errors = new Dictionary<string, string[]>();
        if (session.Questions.All(q => q.Id != input.GuidingQuestionId))
            errors["guidingQuestionId"] = ["Dieser Erfahrungsaustausch hat keine Leitfrage mit dieser Kennung."];
        if (string.IsNullOrWhiteSpace(input.Text) || input.Text.Trim().Length > ExchangeRules.MaxThemeLength)
            errors["text"] = [$"Die Erkenntnis fehlt oder ist länger als {ExchangeRules.MaxThemeLength} Zeichen."];
        var links = await practices.LinksAsync(input.PracticeIds, errors, ct);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var takeaway = new Takeaway
        {
            Id = Guid.NewGuid(),
            SessionId = sessionId,
            GuidingQuestionId = input.GuidingQuestionId!.Value,
            Text = input.Text!.Trim(),
            Practices = links ?? [],
            RecordedBy = user.PersonId()!.Value,
            RecordedAt = clock.GetUtcNow(),
        };
        db.Takeaways.Add(takeaway);
        var dto = TakeawayDto.From(takeaway);
        db.AddAuditEntry(user, "exchange-session.takeaway-recorded", $"exchange-session/{sessionId}/takeaways/{takeaway.Id}", before: null, after: dto);
        await db.SaveChangesAsync(ct);
        await room.RecordedAsync(sessionId, dto, ct);
        return TypedResults.Created($"/api/meetings/exchange-sessions/{sessionId}/live", dto);
    }

    static ProblemHttpResult AlreadyVoted() => Refusals.Conflict("Sie unterstützen diese Frage bereits.",
        "Jede Person unterstützt eine Frage einmal.");
}
