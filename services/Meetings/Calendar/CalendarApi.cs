using System.Security.Claims;
using Kommune20.Meetings.Assemblies;
using Kommune20.Meetings.Data;
using Kommune20.Meetings.OParl;
using Kommune20.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kommune20.Meetings.Calendar;

/// <summary>
/// The network calendar: the feed of every date (<c>/feeds/events.ics</c>), one member's feed, each invited assembly's
/// invitation as a file of its own, and the upcoming dates as JSON for the portal's /termine. All public: a calendar
/// client subscribes without signing in, and the feeds carry only what the public may see.
/// </summary>
public static class CalendarApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>How far back a feed reaches: subscribers keep the past year's dates rather than seeing them vanish.</summary>
    static readonly TimeSpan FeedHistory = TimeSpan.FromDays(365);

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/feeds").WithTags("Calendar").AllowAnonymous();
        feeds.MapGet("/events.ics", NetworkFeedAsync).Calendar();
        feeds.MapGet("/members/{memberId:guid}/events.ics", MemberFeedAsync).Calendar();
        app.MapGet("/api/meetings/assemblies/{assemblyId:guid}/invitation.ics", InvitationAsync).WithTags("Calendar").AllowAnonymous()
            .Calendar().Produces(StatusCodes.Status404NotFound);
        app.MapGet("/api/meetings/events", ListAsync).WithTags("Calendar").AllowAnonymous();
        return app;
    }

    static RouteHandlerBuilder Calendar(this RouteHandlerBuilder endpoint) => endpoint
        .Produces(StatusCodes.Status200OK, contentType: "text/calendar")
        .Produces(StatusCodes.Status304NotModified);

    static async Task<IResult> NetworkFeedAsync(HttpContext context, NetworkCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        var entries = await calendar.EntriesAsync(FeedQuery(context, clock, memberId: null), ct);
        return CalendarResponse.Of(context, CalendarFile.Write("Kommune20 – Termine im Netzwerk", entries), "kommune20-termine.ics");
    }

    static async Task<IResult> MemberFeedAsync(Guid memberId, HttpContext context, NetworkCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        var entries = await calendar.EntriesAsync(FeedQuery(context, clock, memberId), ct);
        return CalendarResponse.Of(context, CalendarFile.Write("Kommune20 – Termine eines Mitglieds", entries), $"kommune20-termine-{memberId}.ics");
    }

    /// <summary>An invited assembly as one date (a draft is nobody's appointment yet, not even the office's: 404).</summary>
    static async Task<IResult> InvitationAsync(Guid assemblyId, HttpContext context, ClaimsPrincipal user, MeetingsDb db, CancellationToken ct)
    {
        var assembly = await db.FindVisibleAsync(assemblyId, user, ct);
        if (assembly?.InvitedAt is null)
            return TypedResults.NotFound();
        var entry = AssemblyDates.EntryOf(assembly, OParlUrls.For(context.Request).Site);
        return CalendarResponse.Of(context, CalendarFile.Write(assembly.Title, [entry]), $"einladung-{assembly.StartsAt:yyyy-MM-dd}.ics");
    }

    /// <summary>
    /// The dates that have not ended yet, soonest first; signed-in members also see cities' network-only dates. With
    /// <paramref name="member"/> only that member's dates, as in its feed (a city's page at the hub shows its events).
    /// </summary>
    static async Task<Results<Ok<CalendarPage>, ValidationProblem>> ListAsync(
        int? page, int? pageSize, Guid? member, HttpContext context, ClaimsPrincipal user, NetworkCalendar calendar, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        Paging.Check(page, pageSize, MaxPageSize, errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var query = new CalendarQuery(clock.GetUtcNow(), member, WithNetworkOnly: user.Identity?.IsAuthenticated == true,
            OParlUrls.For(context.Request).Site);
        var entries = await calendar.EntriesAsync(query, ct);
        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        return TypedResults.Ok(new CalendarPage(entries.Skip((number - 1) * size).Take(size).ToList(), number, size, entries.Count));
    }

    static CalendarQuery FeedQuery(HttpContext context, TimeProvider clock, Guid? memberId) =>
        new(clock.GetUtcNow() - FeedHistory, memberId, WithNetworkOnly: false, OParlUrls.For(context.Request).Site);
}

public sealed record CalendarPage(List<CalendarEntry> Items, int Page, int PageSize, int Total);
