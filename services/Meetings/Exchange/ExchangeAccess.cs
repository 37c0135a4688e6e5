using System.Security.Claims;
using Kommune20.Meetings.Data;
using Kommune20.ServiceDefaults.Problems;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Exchange;

/// <summary>
/// Who may do what in a session: its own moderators manage it (moderation is per session: the moderator role only
/// lets a person create one); each panelist writes only their own statements; everyone reads the statements once
/// the results are published, before that only the session's moderators and panelists.
/// </summary>
public static class ExchangeAccess
{
    public static bool IsModeratedBy(this ExchangeSession session, ClaimsPrincipal user) =>
        user.PersonId() is { } person && session.Moderators.Any(m => m.PersonId == person);

    public static Panelist? PanelistOf(this ExchangeSession session, ClaimsPrincipal user) =>
        user.PersonId() is { } person ? session.Panelists.FirstOrDefault(p => p.PersonId == person) : null;

    public static bool MayReadStatements(this ExchangeSession session, ClaimsPrincipal user) =>
        session.ResultsPublishedAt is not null || session.IsModeratedBy(user) || session.PanelistOf(user) is not null;

    /// <summary>The session with its moderators, panel and questions (tracked, for a change), or null.</summary>
    public static Task<ExchangeSession?> FindSessionAsync(this MeetingsDb db, Guid id, CancellationToken ct) =>
        db.ExchangeSessions.Include(s => s.Moderators).Include(s => s.Panelists).Include(s => s.Questions).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == id, ct);

    public static ProblemHttpResult NotModerator() => Refusals.Forbidden("Nur die Moderation dieses Erfahrungsaustauschs.",
        "Den Erfahrungsaustausch ändern, Leitfragen öffnen, erinnern und Ergebnisse veröffentlichen dürfen nur die Personen, "
        + "die ihn moderieren. Die Moderationsrolle allein genügt nicht: die Moderation benennt weitere Moderierende.");

    public static ProblemHttpResult NotPanelist() => Refusals.Forbidden("Sie sind nicht auf dem Podium dieses Erfahrungsaustauschs.",
        "Statements schreiben die Personen, die die Moderation als Panelisten benannt hat.");

    public static ProblemHttpResult NotYourStatement() => Refusals.Forbidden("Das ist nicht Ihr Statement.",
        "Jede Person auf dem Podium schreibt und ändert nur ihre eigenen Statements.");

    public static ProblemHttpResult NotPublished() => Refusals.Forbidden("Die Ergebnisse sind noch nicht veröffentlicht.",
        "Bis zur Veröffentlichung lesen nur die Moderation und das Podium dieses Erfahrungsaustauschs die Statements.");

    /// <summary>Why the user may not change the session: not one of its moderators (403), or its results published (409); null when they may.</summary>
    public static ProblemHttpResult? RefuseModeratorChange(this ExchangeSession session, ClaimsPrincipal user) =>
        !session.IsModeratedBy(user) ? NotModerator() : session.ResultsPublishedAt is not null ? AlreadyPublished() : null;

    public static ProblemHttpResult AlreadyPublished() => Refusals.Conflict("Die Ergebnisse sind veröffentlicht.",
        "Nach der Veröffentlichung bleiben der Erfahrungsaustausch und seine Statements, wie das Netzwerk sie erhalten hat.");
}
