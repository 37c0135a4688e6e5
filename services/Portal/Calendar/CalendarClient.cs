using System.Net.Http.Json;
using Kommune20.ServiceDefaults;

namespace Kommune20.Portal.Calendar;

/// <summary>The network calendar behind the gateway: the dates that have not ended yet, soonest first.</summary>
public sealed class CalendarClient(HttpClient http)
{
    public const int PageSize = 20;

    /// <summary>The calendar clients subscribe to (at the gateway, like the portal's pages).</summary>
    public const string FeedPath = "/feeds/events.ics";

    public async Task<UpcomingDates> UpcomingAsync(int page, CancellationToken ct = default) =>
        await http.GetFromJsonAsync<UpcomingDates>($"/api/meetings/events?page={page}&pageSize={PageSize}", Json.Options, ct)
        ?? new UpcomingDates([], page, PageSize, 0);

    /// <summary>The events the member announced from its node that have not ended yet, soonest first.</summary>
    public async Task<IReadOnlyList<NetworkDate>> EventsOfMemberAsync(Guid memberId, CancellationToken ct = default) =>
        ((await http.GetFromJsonAsync<UpcomingDates>($"/api/meetings/events?member={memberId}&pageSize={PageSize}", Json.Options, ct))?.Items ?? [])
        .Where(date => date.Kind == NetworkDateKind.CityEvent)
        .ToList();

    /// <summary>The member's own calendar (its events and the assemblies it is invited to), at the gateway.</summary>
    public static string MemberFeedPath(Guid memberId) => $"/feeds/members/{memberId}/events.ics";

    public static string InvitationPath(Guid assemblyId) => $"/api/meetings/assemblies/{assemblyId}/invitation.ics";
}

public sealed record UpcomingDates(IReadOnlyList<NetworkDate> Items, int Page, int PageSize, int Total);

/// <summary>One date of the calendar: an assembly of the association, or a member city's event.</summary>
public sealed record NetworkDate(
    string Uid,
    NetworkDateKind Kind,
    Guid Id,
    string Title,
    string? Description,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Place,
    string? OnlineUrl,
    string? Link,
    string Organiser,
    Guid? OrganiserMemberId,
    bool Cancelled);

public enum NetworkDateKind
{
    Assembly,
    CityEvent,
    ExchangeSession,
}
