using Kommune20.Contracts.Federation;
using Kommune20.Contracts.Meetings;
using MassTransit;

namespace Kommune20.Notifications.Notices;

/// <summary>What the network calendar shows: the general assemblies, the exchange sessions, and the events cities announce.</summary>
public sealed class CalendarNotices(NoticeRecorder recorder) : IConsumer<AssemblyScheduled>, IConsumer<ExchangeSessionScheduled>,
    IConsumer<CityEventPublished>, IConsumer<CityEventUpdated>, IConsumer<CityEventWithdrawn>
{
    /// <summary>The association office, organiser of the assemblies and exchange sessions, has no member id of a city.</summary>
    public Task Consume(ConsumeContext<AssemblyScheduled> context)
    {
        var assembly = context.Message;
        return recorder.RecordAsync(Scheduled(context, $"assemblies/{assembly.AssemblyId}", assembly.Title, When(assembly.StartsAt, assembly.Place, assembly.OnlineUrl),
            $"/versammlungen/{assembly.AssemblyId}", [], assembly.ScheduledAt), context.CancellationToken);
    }

    public Task Consume(ConsumeContext<ExchangeSessionScheduled> context)
    {
        var session = context.Message;
        return recorder.RecordAsync(Scheduled(context, $"sessions/{session.SessionId}", session.Title, When(session.StartsAt, session.Place, session.OnlineUrl),
            $"/austausch/{session.SessionId}", [], session.ScheduledAt), context.CancellationToken);
    }

    public Task Consume(ConsumeContext<CityEventPublished> context) => CityEventAsync(context, context.Message.Origin, context.Message.Event);

    public Task Consume(ConsumeContext<CityEventUpdated> context) => CityEventAsync(context, context.Message.Origin, context.Message.Event);

    public Task Consume(ConsumeContext<CityEventWithdrawn> context)
    {
        var origin = context.Message.Origin;
        var notice = Scheduled(context, CityEventSubject(origin), "Termin zurückgezogen", "", "/termine", [origin.OriginMemberId], origin.ChangedAt);
        notice.Type = NoticeTypes.EventWithdrawn;
        notice.IsWithdrawal = true;
        return recorder.RecordAsync(notice, context.CancellationToken);
    }

    Task CityEventAsync(ConsumeContext context, RecordOrigin origin, CityEventRecord cityEvent)
    {
        var summary = (cityEvent.Cancelled ? "Abgesagt. " : "") + When(cityEvent.StartsAt, cityEvent.Place, cityEvent.OnlineUrl);
        var notice = Scheduled(context, CityEventSubject(origin), cityEvent.Title, summary, "/termine", [origin.OriginMemberId], origin.ChangedAt);
        notice.IsPublic = cityEvent.Visibility == Visibility.Public;
        return recorder.RecordAsync(notice, context.CancellationToken);
    }

    static Notice Scheduled(ConsumeContext context, string subject, string title, string summary, string link, List<Guid> members,
        DateTimeOffset at) => new()
    {
        Id = context.MessageId ?? NewId.NextGuid(),
        Type = NoticeTypes.EventScheduled,
        Subject = subject,
        Title = title,
        Summary = summary,
        Link = link,
        MemberIds = members,
        OnCalendar = true,
        IsPublic = true,
        OccurredAt = at,
    };

    static string CityEventSubject(RecordOrigin origin) => $"events/{origin.OriginMemberId}/{origin.OriginId}";

    static string When(DateTimeOffset startsAt, string? place, string? onlineUrl) =>
        $"{TimeZoneInfo.ConvertTime(startsAt, ServiceDefaults.GermanClock.Zone):dd.MM.yyyy, HH:mm} Uhr" +
        (place is { Length: > 0 } ? $", {place}" : "") + (onlineUrl is { Length: > 0 } ? $", online: {onlineUrl}" : "");
}
