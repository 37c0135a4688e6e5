using System.Security.Claims;
using Kommune20.Meetings.Data;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Exchange.Live;

/// <summary>
/// A session's live room: its state from the database, and the news every participant in the room receives at once
/// (<c>QuestionOpened</c>, <c>AudienceQuestionsChanged</c> with the whole ranked list, <c>TakeawayRecorded</c>).
/// </summary>
public sealed class LiveRoom(MeetingsDb db, IHubContext<LiveRoomHub> hub)
{
    public const string QuestionOpened = "QuestionOpened";
    public const string AudienceQuestionsChanged = "AudienceQuestionsChanged";
    public const string TakeawayRecorded = "TakeawayRecorded";
    public const int MaxQuestions = 300;

    public static string Group(Guid sessionId) => $"exchange-session:{sessionId}";

    /// <summary>Signed-in people of member organisations take part; clients (a city node, a service) do not.</summary>
    public static bool MayTakePart(ClaimsPrincipal user) => user.PersonId() is not null && user.GetMemberId() is not null;

    public async Task<LiveRoomState> StateAsync(ExchangeSession session, CancellationToken ct)
    {
        var open = session.Questions.FirstOrDefault(q => q.Id == session.OpenQuestionId);
        var takeaways = await db.Takeaways.AsNoTracking().Where(t => t.SessionId == session.Id).OrderBy(t => t.RecordedAt).ToListAsync(ct);
        return new LiveRoomState(session.Id, open is null ? null : QuestionDto.From(open), await RankedAsync(session.Id, ct),
            takeaways.Select(TakeawayDto.From).ToList());
    }

    public async Task<List<AudienceQuestionDto>> RankedAsync(Guid sessionId, CancellationToken ct) => AudienceRanking.Rank(
        await db.AudienceQuestions.AsNoTracking().Where(q => q.SessionId == sessionId)
            .Select(q => new AudienceQuestionDto(q.Id, q.GuidingQuestionId, q.AskerName, q.Text,
                db.AudienceVotes.Count(v => v.QuestionId == q.Id), q.AskedAt, q.AnsweredAt))
            .ToListAsync(ct));

    public Task OpenedAsync(Guid sessionId, QuestionDto question, CancellationToken ct) =>
        hub.Clients.Group(Group(sessionId)).SendAsync(QuestionOpened, question, ct);

    public async Task<List<AudienceQuestionDto>> QuestionsChangedAsync(Guid sessionId, CancellationToken ct)
    {
        var ranked = await RankedAsync(sessionId, ct);
        await hub.Clients.Group(Group(sessionId)).SendAsync(AudienceQuestionsChanged, ranked, ct);
        return ranked;
    }

    public Task RecordedAsync(Guid sessionId, TakeawayDto takeaway, CancellationToken ct) =>
        hub.Clients.Group(Group(sessionId)).SendAsync(TakeawayRecorded, takeaway, ct);
}
