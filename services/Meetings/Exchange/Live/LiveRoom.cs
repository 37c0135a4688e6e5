using Kommune20.Meetings.Data;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Exchange.Live;

/// <summary>
/// A session's live room: its state from the database, and the news every participant in the room receives at once
/// (<c>QuestionOpened</c>, <c>AudienceQuestionsChanged</c> with the whole ranked list, <c>TakeawayRecorded</c>; to guests
/// <c>GuestAccessEnded</c>).
/// </summary>
public sealed class LiveRoom(MeetingsDb db, IHubContext<LiveRoomHub> hub)
{
    public const string QuestionOpened = "QuestionOpened";
    public const string AudienceQuestionsChanged = "AudienceQuestionsChanged";
    public const string TakeawayRecorded = "TakeawayRecorded";
    public const string GuestAccessEnded = "GuestAccessEnded";
    public const int MaxQuestions = 300;

    public static string Group(Guid sessionId) => $"exchange-session:{sessionId}";

    /// <summary>The guests' connections in a session's room, told when the moderators end the guests' access.</summary>
    public static string GuestsGroup(Guid sessionId) => $"exchange-session:{sessionId}:guests";

    public async Task<LiveRoomState> StateAsync(ExchangeSession session, CancellationToken ct)
    {
        var open = session.Questions.FirstOrDefault(q => q.Id == session.OpenQuestionId);
        var takeaways = await db.Takeaways.AsNoTracking().Where(t => t.SessionId == session.Id).OrderBy(t => t.RecordedAt).ToListAsync(ct);
        return new LiveRoomState(session.Id, open is null ? null : QuestionDto.From(open), await RankedAsync(session.Id, ct),
            takeaways.Select(TakeawayDto.From).ToList());
    }

    public async Task<List<AudienceQuestionDto>> RankedAsync(Guid sessionId, CancellationToken ct) => AudienceRanking.Rank(
        await db.AudienceQuestions.AsNoTracking().Where(q => q.SessionId == sessionId)
            .Select(q => new AudienceQuestionDto(q.Id, q.GuidingQuestionId, q.AskerName, q.AskedByGuest != null, q.Text,
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

    /// <summary>Tells the guests still connected that their passes no longer count: they can neither act nor join again.</summary>
    public Task GuestAccessEndedAsync(Guid sessionId, CancellationToken ct) =>
        hub.Clients.Group(GuestsGroup(sessionId)).SendAsync(GuestAccessEnded, sessionId, ct);
}
