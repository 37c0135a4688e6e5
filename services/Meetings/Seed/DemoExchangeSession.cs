using System.Text.Json;
using Kommune20.Contracts.Library;
using Kommune20.Meetings.Assemblies;
using Kommune20.Meetings.Data;
using Kommune20.Meetings.Exchange;
using Kommune20.Meetings.Practices;
using Kommune20.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using static Kommune20.Meetings.Documents.GermanTime;

namespace Kommune20.Meetings.Seed;

/// <summary>
/// Registered only with <c>Seed:DemoData=true</c>: the exchange session of the demo's 6th general assembly
/// (Seed/exchange-session.json) under its agenda item, with its two moderators, six panelists, the guiding questions and
/// the panel's statements, unless the service holds an exchange session already. The Metropolregion Rhein-Neckar's answer
/// points to Heidelberg's practice "Digitallotsinnen und Digitallotsen" in the library, named by its origin. The results are not published yet:
/// the session lies ahead, so its moderators and panel read the statements (the demo's sign-ins), the network after it.
/// </summary>
public sealed class DemoExchangeSession(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DemoExchangeSession> logger) : BackgroundService
{
    public sealed record SeedFile(string Title, string Theme, string AssemblyTitle, int AgendaItemPosition, int WeeksAhead, string Place,
        TimeOnly StartsAtLocal, TimeOnly EndsAtLocal, List<SeedModerator> Moderators, List<SeedQuestion> Questions, List<SeedPanelist> Panelists);
    public sealed record SeedModerator(Guid PersonId, string Name, string? Organisation);
    public sealed record SeedQuestion(string Key, string Text);
    public sealed record SeedPanelist(Guid PersonId, string Name, string Organisation, Guid? MemberId, string? Preface, List<SeedAnswer> Answers,
        List<string>? General);
    /// <summary>
    /// An answer to the question <paramref name="Question"/> (its key), put to the panelist in <paramref name="Wording"/> where
    /// given, pointing to <paramref name="Practices"/> of the library where given.
    /// </summary>
    public sealed record SeedAnswer(string Question, string? Wording, string Text, List<SeedPractice>? Practices);
    /// <summary>A practice of the library by its origin (a demo city's node and its id there) and title.</summary>
    public sealed record SeedPractice(Guid OriginMemberId, string OriginId, string Title);

    const int Attempts = 15;

    public static SeedFile Read() => JsonSerializer.Deserialize<SeedFile>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seed", "exchange-session.json")), Json.Options)
        ?? throw new InvalidDataException("Seed/exchange-session.json is empty.");

    /// <summary>
    /// The session as the seed describes it, on <paramref name="day"/>, under the assembly's agenda item where there is
    /// one, each panelist put the questions they answered; every statement checked as a panelist's would be.
    /// </summary>
    public static (ExchangeSession Session, List<Statement> Statements) Build(SeedFile seed, DateTimeOffset now, DateOnly day, GeneralAssembly? assembly)
    {
        var session = new ExchangeSession
        {
            Id = Guid.NewGuid(),
            Title = seed.Title,
            Theme = seed.Theme,
            StartsAt = InBerlin(day, seed.StartsAtLocal),
            EndsAt = InBerlin(day, seed.EndsAtLocal),
            Place = seed.Place,
            AssemblyId = assembly?.Id,
            AgendaItemId = assembly?.Agenda.FirstOrDefault(i => i.Position == seed.AgendaItemPosition)?.Id,
            CreatedAt = now,
        };
        session.Moderators.AddRange(seed.Moderators.Select((m, i) => new SessionModerator
        {
            SessionId = session.Id, PersonId = m.PersonId, Name = m.Name, Organisation = m.Organisation, NamedAt = now.AddSeconds(i),
        }));
        var questions = seed.Questions.Select((q, i) => new GuidingQuestion { Id = Guid.NewGuid(), SessionId = session.Id, Position = i + 1, Text = q.Text })
            .ToList();
        session.Questions.AddRange(questions);
        var byKey = seed.Questions.Select((q, i) => (q.Key, Question: questions[i])).ToDictionary(q => q.Key, q => q.Question);

        var statements = new List<Statement>();
        foreach (var (entry, position) in seed.Panelists.Select((p, i) => (p, i + 1)))
        {
            var panelist = new Panelist
            {
                Id = Guid.NewGuid(), SessionId = session.Id, PersonId = entry.PersonId, Name = entry.Name, Organisation = entry.Organisation,
                MemberId = entry.MemberId, Position = position,
                Questions = entry.Answers.Select(a => new PanelistQuestion(byKey[a.Question].Id, a.Wording)).ToList(),
            };
            session.Panelists.Add(panelist);
            Statement Of(StatementKind kind, Guid? question, string text, List<SeedPractice>? practices = null) => new()
            {
                Id = Guid.NewGuid(), SessionId = session.Id, PanelistId = panelist.Id, Kind = kind, QuestionId = question, Text = text, WrittenAt = now,
                Practices = (practices ?? []).Select(p => new LinkedPractice(LibraryPracticeId.Of(p.OriginMemberId, p.OriginId), p.Title)).ToList(),
            };
            if (entry.Preface is { } preface)
                statements.Add(Of(StatementKind.Preface, null, preface));
            statements.AddRange(entry.Answers.Select(a => Of(StatementKind.Answer, byKey[a.Question].Id, a.Text, a.Practices)));
            statements.AddRange((entry.General ?? []).Select(text => Of(StatementKind.General, null, text)));
        }
        foreach (var statement in statements)
        {
            if (ExchangeRules.TextProblem(statement.Text) is { } problem)
                throw new InvalidDataException($"Seed/exchange-session.json, a statement of {session.Panelists.First(p => p.Id == statement.PanelistId).Name}: {problem}");
        }
        return (session, statements);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The demo assembly is added beside this, by DemoAssembly; the session waits for it a while to stand under its agenda.
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                if (await SeedAsync(lastAttempt: attempt == Attempts, stoppingToken))
                    return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Adding the demo exchange session failed (attempt {Attempt} of {Attempts})", attempt, Attempts);
            }
            await Task.Delay(TimeSpan.FromSeconds(2), clock, stoppingToken);
        }
    }

    /// <summary>Seeds and says true, or says false to be asked again while the demo assembly is not there yet.</summary>
    async Task<bool> SeedAsync(bool lastAttempt, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingsDb>();
        if (await db.ExchangeSessions.AnyAsync(ct))
            return true;
        var seed = Read();
        var assembly = await db.Assemblies.AsNoTracking().Include(a => a.Agenda).FirstOrDefaultAsync(a => a.Title == seed.AssemblyTitle, ct);
        if (assembly is null && !lastAttempt)
            return false;

        var now = clock.GetUtcNow();
        var day = assembly is null
            ? DateOnly.FromDateTime(now.UtcDateTime).AddDays(7 * seed.WeeksAhead)
            : DateOnly.FromDateTime(Local(assembly.StartsAt));
        var (session, statements) = Build(seed, now, day, assembly);
        db.ExchangeSessions.Add(session);
        db.Statements.AddRange(statements);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Added the demo exchange session {Title} on {Day} with {Statements} statements", session.Title, day, statements.Count);
        return true;
    }
}
