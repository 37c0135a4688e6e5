using System.Security.Claims;
using Kommune20.Contracts.Meetings;
using Kommune20.Data.Audit;
using Kommune20.Data.Lists;
using Kommune20.Meetings.Assemblies;
using Kommune20.Meetings.Data;
using Kommune20.Meetings.Exchange.Live;
using Kommune20.Messaging;
using Kommune20.ServiceDefaults.Problems;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Exchange;

/// <summary>
/// Exchange sessions before and after they take place: a moderator creates one and becomes its first moderator, names
/// co-moderators, panelists and guiding questions, follows who answered what, reminds, and publishes the results.
/// Every change is the session's moderators' alone (403 for anyone else) and goes into the audit log.
/// </summary>
public static class ExchangeSessionsApi
{
    public const int MaxPageSize = 100;

    public static RouteGroupBuilder MapExchangeSessionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings/exchange-sessions").WithTags("Exchange sessions");
        group.MapGet("/", ListAsync).AllowAnonymous();
        group.MapGet("/{sessionId:guid}", GetAsync).AllowAnonymous();
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Moderator);
        group.MapPut("/{sessionId:guid}", UpdateAsync).RequireAuthorization(Policies.Authenticated);
        group.MapPost("/{sessionId:guid}/moderators", NameModeratorAsync).RequireAuthorization(Policies.Authenticated);
        group.MapPost("/{sessionId:guid}/questions", AddQuestionAsync).RequireAuthorization(Policies.Authenticated);
        group.MapPost("/{sessionId:guid}/questions/{questionId:guid}/opening", OpenQuestionAsync).RequireAuthorization(Policies.Authenticated);
        group.MapPost("/{sessionId:guid}/panelists", NamePanelistAsync).RequireAuthorization(Policies.Authenticated);
        group.MapPut("/{sessionId:guid}/panelists/{panelistId:guid}", ChangePanelistAsync).RequireAuthorization(Policies.Authenticated);
        group.MapGet("/{sessionId:guid}/progress", ProgressAsync).RequireAuthorization(Policies.Authenticated);
        group.MapPost("/{sessionId:guid}/panelists/{panelistId:guid}/reminders", RemindAsync).RequireAuthorization(Policies.Authenticated);
        group.MapPost("/{sessionId:guid}/results", PublishAsync).RequireAuthorization(Policies.Authenticated);
        return group;
    }

    static async Task<Results<Ok<PagedList<SessionSummary>>, ValidationProblem>> ListAsync(int? page, int? pageSize, MeetingsDb db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        Paging.Check(page, pageSize, MaxPageSize, errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await db.ExchangeSessions.AsNoTracking()
            .OrderByDescending(s => s.StartsAt).ThenBy(s => s.Id)
            .Select(s => new SessionSummary(s.Id, s.Title, s.StartsAt, s.EndsAt, s.Place, s.OnlineUrl, s.AssemblyId, s.Panelists.Count,
                s.ResultsPublishedAt))
            .ToPagedListAsync(page ?? 1, pageSize ?? 20, summary => summary, ct));
    }

    static async Task<Results<Ok<SessionDetail>, NotFound>> GetAsync(Guid sessionId, ClaimsPrincipal user, MeetingsDb db, CancellationToken ct)
    {
        var session = await db.FindSessionAsync(sessionId, ct);
        return session is null ? TypedResults.NotFound() : TypedResults.Ok(SessionDetail.From(session, session.IsModeratedBy(user)));
    }

    static async Task<Results<Created<SessionDetail>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        SessionInput input, ClaimsPrincipal user, MeetingsDb db, TimeProvider clock, CancellationToken ct)
    {
        if (user.PersonId() is not { } person)
            return Refusals.Forbidden("Nur eine angemeldete Person moderiert.", "Ein Erfahrungsaustausch wird von Personen moderiert, nicht von Clients.");
        var errors = ExchangeRules.Validate(input);
        await CheckAssemblyAsync(input, db, errors, ct);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var now = clock.GetUtcNow();
        var session = new ExchangeSession { Id = Guid.NewGuid(), Title = input.Title!.Trim(), CreatedAt = now };
        Apply(input, session);
        session.Moderators.Add(new SessionModerator
        {
            SessionId = session.Id,
            PersonId = person,
            Name = user.FindFirstValue(Kommune20Claims.Name) ?? person.ToString(),
            NamedAt = now,
        });
        db.ExchangeSessions.Add(session);
        db.AddIntegrationEvent(Scheduled(session, now));
        db.AddAuditEntry(user, "exchange-session.created", Subject(session), before: null, after: SessionDetail.From(session, true));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/meetings/exchange-sessions/{session.Id}", SessionDetail.From(session, true));
    }

    static async Task<Results<Ok<SessionDetail>, ValidationProblem, NotFound, ProblemHttpResult>> UpdateAsync(
        Guid sessionId, SessionInput input, ClaimsPrincipal user, MeetingsDb db, TimeProvider clock, CancellationToken ct)
    {
        var session = await db.FindSessionAsync(sessionId, ct);
        if (session is null)
            return TypedResults.NotFound();
        if (session.RefuseModeratorChange(user) is { } refusal)
            return refusal;
        var errors = ExchangeRules.Validate(input);
        await CheckAssemblyAsync(input, db, errors, ct);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var before = SessionDetail.From(session, true);
        session.Title = input.Title!.Trim();
        Apply(input, session);
        db.AddIntegrationEvent(Scheduled(session, clock.GetUtcNow()));
        db.AddAuditEntry(user, "exchange-session.changed", Subject(session), before, SessionDetail.From(session, true));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SessionDetail.From(session, true));
    }

    /// <summary>Names a co-moderator, or corrects how a moderator is named.</summary>
    static async Task<Results<Ok<SessionDetail>, ValidationProblem, NotFound, ProblemHttpResult>> NameModeratorAsync(
        Guid sessionId, ModeratorInput input, ClaimsPrincipal user, MeetingsDb db, TimeProvider clock, CancellationToken ct)
    {
        var session = await db.FindSessionAsync(sessionId, ct);
        if (session is null)
            return TypedResults.NotFound();
        if (!session.IsModeratedBy(user))
            return ExchangeAccess.NotModerator();
        var errors = ExchangeRules.Validate(input);
        var existing = session.Moderators.FirstOrDefault(m => m.PersonId == input.PersonId);
        if (existing is null && session.Moderators.Count >= ExchangeRules.MaxModerators)
            errors.TryAdd("personId", [$"Ein Erfahrungsaustausch hat höchstens {ExchangeRules.MaxModerators} Moderierende."]);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var organisation = string.IsNullOrWhiteSpace(input.Organisation) ? null : input.Organisation.Trim();
        if (existing is null)
        {
            db.Add(new SessionModerator
            {
                SessionId = session.Id,
                PersonId = input.PersonId!.Value,
                Name = input.Name!.Trim(),
                Organisation = organisation,
                NamedAt = clock.GetUtcNow(),
            });
        }
        else
            (existing.Name, existing.Organisation) = (input.Name!.Trim(), organisation);
        db.AddAuditEntry(user, "exchange-session.moderator-named", $"{Subject(session)}/moderators/{input.PersonId}", before: null,
            after: new ModeratorDto(input.PersonId, input.Name!.Trim(), organisation));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SessionDetail.From(session, true));
    }

    /// <summary>A guiding question: the moderators' for the whole panel, or a panelist's own, put to themselves only.</summary>
    static async Task<Results<Created<QuestionDto>, ValidationProblem, NotFound, ProblemHttpResult>> AddQuestionAsync(
        Guid sessionId, QuestionInput input, ClaimsPrincipal user, MeetingsDb db, CancellationToken ct)
    {
        var session = await db.FindSessionAsync(sessionId, ct);
        if (session is null)
            return TypedResults.NotFound();
        var moderator = session.IsModeratedBy(user);
        var panelist = moderator ? null : session.PanelistOf(user);
        if (!moderator && panelist is null)
            return Refusals.Forbidden("Leitfragen stellen die Moderation und, für sich selbst, das Podium.",
                "Sie moderieren diesen Erfahrungsaustausch nicht und sind nicht auf seinem Podium.");
        if (session.ResultsPublishedAt is not null)
            return ExchangeAccess.AlreadyPublished();
        var errors = ExchangeRules.Validate(input, session);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var question = new GuidingQuestion
        {
            Id = Guid.NewGuid(),
            SessionId = session.Id,
            Position = session.Questions.Count == 0 ? 1 : session.Questions.Max(q => q.Position) + 1,
            Text = input.Text!.Trim(),
            PanelistId = panelist?.Id,
        };
        db.Add(question);
        if (panelist is not null)
            panelist.Questions = [.. panelist.Questions, new PanelistQuestion(question.Id, null)];
        else
            db.AddAuditEntry(user, "exchange-session.question-added", $"{Subject(session)}/questions/{question.Id}", before: null, after: QuestionDto.From(question));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/meetings/exchange-sessions/{session.Id}", QuestionDto.From(question));
    }

    /// <summary>Opens a guiding question in the live room, where every participant sees it at once; the one opened before is no longer the current one.</summary>
    static async Task<Results<Ok<QuestionDto>, NotFound, ProblemHttpResult>> OpenQuestionAsync(
        Guid sessionId, Guid questionId, ClaimsPrincipal user, MeetingsDb db, LiveRoom room, TimeProvider clock, CancellationToken ct)
    {
        var session = await db.FindSessionAsync(sessionId, ct);
        var question = session?.Questions.FirstOrDefault(q => q.Id == questionId);
        if (session is null || question is null)
            return TypedResults.NotFound();
        if (session.RefuseModeratorChange(user) is { } refusal)
            return refusal;

        question.OpenedAt = clock.GetUtcNow();
        session.OpenQuestionId = question.Id;
        db.AddAuditEntry(user, "exchange-session.question-opened", $"{Subject(session)}/questions/{question.Id}", before: null, after: QuestionDto.From(question));
        await db.SaveChangesAsync(ct);
        await room.OpenedAsync(session.Id, QuestionDto.From(question), ct);
        return TypedResults.Ok(QuestionDto.From(question));
    }

    static async Task<Results<Created<PanelistDto>, ValidationProblem, NotFound, ProblemHttpResult>> NamePanelistAsync(
        Guid sessionId, PanelistInput input, ClaimsPrincipal user, MeetingsDb db, CancellationToken ct)
    {
        var session = await db.FindSessionAsync(sessionId, ct);
        if (session is null)
            return TypedResults.NotFound();
        if (session.RefuseModeratorChange(user) is { } refusal)
            return refusal;
        var errors = ExchangeRules.Validate(input, session, panelistId: null);
        if (session.Panelists.Count >= ExchangeRules.MaxPanelists)
            errors.TryAdd("personId", [$"Ein Podium hat höchstens {ExchangeRules.MaxPanelists} Personen."]);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var panelist = new Panelist
        {
            Id = Guid.NewGuid(),
            SessionId = session.Id,
            PersonId = input.PersonId!.Value,
            Name = input.Name!.Trim(),
            Organisation = input.Organisation!.Trim(),
            Position = session.Panelists.Count == 0 ? 1 : session.Panelists.Max(p => p.Position) + 1,
        };
        Apply(input, panelist, session);
        db.Add(panelist);
        var dto = PanelistDto.From(panelist, session, showPeople: true);
        db.AddAuditEntry(user, "exchange-session.panelist-named", $"{Subject(session)}/panelists/{panelist.Id}", before: null, after: dto);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/meetings/exchange-sessions/{session.Id}", dto);
    }

    /// <summary>Changes how a panelist is named and which questions are put to them; answers to questions taken away stay until the panelist removes them.</summary>
    static async Task<Results<Ok<PanelistDto>, ValidationProblem, NotFound, ProblemHttpResult>> ChangePanelistAsync(
        Guid sessionId, Guid panelistId, PanelistInput input, ClaimsPrincipal user, MeetingsDb db, CancellationToken ct)
    {
        var session = await db.FindSessionAsync(sessionId, ct);
        var panelist = session?.Panelists.FirstOrDefault(p => p.Id == panelistId);
        if (session is null || panelist is null)
            return TypedResults.NotFound();
        if (session.RefuseModeratorChange(user) is { } refusal)
            return refusal;
        var errors = ExchangeRules.Validate(input, session, panelistId);
        if (input.PersonId != panelist.PersonId)
            errors.TryAdd("personId", ["Die Person eines Podiumsplatzes bleibt; für eine andere Person bitte einen neuen Platz anlegen."]);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var before = PanelistDto.From(panelist, session, showPeople: true);
        (panelist.Name, panelist.Organisation) = (input.Name!.Trim(), input.Organisation!.Trim());
        Apply(input, panelist, session);
        var after = PanelistDto.From(panelist, session, showPeople: true);
        db.AddAuditEntry(user, "exchange-session.panelist-changed", $"{Subject(session)}/panelists/{panelist.Id}", before, after);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(after);
    }

    static async Task<Results<Ok<ExchangeProgress>, NotFound, ProblemHttpResult>> ProgressAsync(
        Guid sessionId, ClaimsPrincipal user, MeetingsDb db, CancellationToken ct)
    {
        var session = await db.FindSessionAsync(sessionId, ct);
        if (session is null)
            return TypedResults.NotFound();
        if (!session.IsModeratedBy(user))
            return ExchangeAccess.NotModerator();
        return TypedResults.Ok(await ProgressOfAsync(session, db, ct));
    }

    /// <summary>Records a reminder of the questions a panelist has not answered yet; Notifications sends it on from the event.</summary>
    static async Task<Results<Created<ReminderDto>, NotFound, ProblemHttpResult>> RemindAsync(
        Guid sessionId, Guid panelistId, ClaimsPrincipal user, MeetingsDb db, TimeProvider clock, CancellationToken ct)
    {
        var session = await db.FindSessionAsync(sessionId, ct);
        var panelist = session?.Panelists.FirstOrDefault(p => p.Id == panelistId);
        if (session is null || panelist is null)
            return TypedResults.NotFound();
        if (session.RefuseModeratorChange(user) is { } refusal)
            return refusal;
        var progress = (await ProgressOfAsync(session, db, ct)).Panelists.First(p => p.PanelistId == panelistId);
        var open = ExchangeProgress.OpenQuestions(progress);
        if (open.Count == 0)
            return Refusals.Conflict("Nichts offen.", $"{panelist.Name} hat alle gestellten Leitfragen beantwortet.");

        var now = clock.GetUtcNow();
        var reminder = new Reminder
        {
            Id = Guid.NewGuid(),
            SessionId = session.Id,
            PanelistId = panelist.Id,
            SentBy = user.PersonId()!.Value,
            SentAt = now,
            OpenQuestionIds = progress.Questions.Where(q => !q.Answered).Select(q => q.QuestionId).ToList(),
        };
        db.Add(reminder);
        db.AddIntegrationEvent(new PanelistReminded(session.Id, session.Title, panelist.Id, panelist.PersonId, open, now));
        var dto = new ReminderDto(reminder.Id, panelist.Id, now, open);
        db.AddAuditEntry(user, "exchange-session.panelist-reminded", $"{Subject(session)}/panelists/{panelist.Id}", before: null, after: dto);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/meetings/exchange-sessions/{session.Id}/progress", dto);
    }

    /// <summary>Publishes the results to the network; from then on the statements are public and fixed.</summary>
    static async Task<Results<Ok<SessionDetail>, NotFound, ProblemHttpResult>> PublishAsync(
        Guid sessionId, ClaimsPrincipal user, MeetingsDb db, TimeProvider clock, CancellationToken ct)
    {
        var session = await db.FindSessionAsync(sessionId, ct);
        if (session is null)
            return TypedResults.NotFound();
        if (session.RefuseModeratorChange(user) is { } refusal)
            return refusal;
        var statements = await db.Statements.CountAsync(s => s.SessionId == sessionId, ct);
        if (statements == 0)
            return Refusals.Conflict("Noch keine Statements.", "Veröffentlicht wird, was das Podium geschrieben hat; bisher ist nichts da.");

        var now = clock.GetUtcNow();
        session.ResultsPublishedAt = now;
        db.AddIntegrationEvent(new SessionResultsPublished(session.Id, session.Title, session.Panelists.Count, statements, now));
        db.AddAuditEntry(user, "exchange-session.results-published", Subject(session), before: null, after: new { session.Id, statements, publishedAt = now });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SessionDetail.From(session, true));
    }

    static async Task<ExchangeProgress> ProgressOfAsync(ExchangeSession session, MeetingsDb db, CancellationToken ct) =>
        ExchangeProgress.Of(session,
            await db.Statements.AsNoTracking().Where(s => s.SessionId == session.Id).ToListAsync(ct),
            await db.Reminders.AsNoTracking().Where(r => r.SessionId == session.Id).ToListAsync(ct));

    /// <summary>The assembly and its agenda item, where the session names them, must exist and belong together.</summary>
    static async Task CheckAssemblyAsync(SessionInput input, MeetingsDb db, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (input.AssemblyId is not { } assemblyId || errors.ContainsKey("assemblyId"))
            return;
        if (!await db.Assemblies.AnyAsync(a => a.Id == assemblyId, ct))
            errors.TryAdd("assemblyId", ["Es gibt keine Versammlung mit dieser Kennung."]);
        else if (input.AgendaItemId is { } itemId && !await db.AgendaItems.AnyAsync(i => i.Id == itemId && i.AssemblyId == assemblyId, ct))
            errors.TryAdd("agendaItemId", ["Diese Versammlung hat keinen Tagesordnungspunkt mit dieser Kennung."]);
    }

    static void Apply(SessionInput input, ExchangeSession session)
    {
        session.Theme = string.IsNullOrWhiteSpace(input.Theme) ? null : input.Theme.Trim();
        session.StartsAt = input.StartsAt!.Value;
        session.EndsAt = input.EndsAt!.Value;
        session.Place = string.IsNullOrWhiteSpace(input.Place) ? null : input.Place.Trim();
        session.OnlineUrl = AssemblyRules.WebAddress(input.OnlineUrl)?.ToString();
        session.AssemblyId = input.AssemblyId;
        session.AgendaItemId = input.AgendaItemId;
    }

    /// <summary>The questions put to a panelist as the moderators list them, and the panelist's own questions, which they keep.</summary>
    static void Apply(PanelistInput input, Panelist panelist, ExchangeSession session)
    {
        var given = (input.Questions ?? [])
            .Select(q => new PanelistQuestion(q!.QuestionId!.Value, string.IsNullOrWhiteSpace(q.Wording) ? null : q.Wording.Trim()))
            .ToList();
        var own = panelist.Questions.Where(q => given.All(g => g.QuestionId != q.QuestionId)
            && session.Questions.Any(question => question.Id == q.QuestionId && question.PanelistId == panelist.Id));
        panelist.MemberId = input.MemberId;
        panelist.Questions = [.. given, .. own];
    }

    static ExchangeSessionScheduled Scheduled(ExchangeSession session, DateTimeOffset now) =>
        new(session.Id, session.Title, session.StartsAt, session.EndsAt, session.Place, session.OnlineUrl, session.AssemblyId, now);

    static string Subject(ExchangeSession session) => $"exchange-session/{session.Id}";
}
