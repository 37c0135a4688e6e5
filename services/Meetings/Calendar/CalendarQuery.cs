namespace Kommune20.Meetings.Calendar;

/// <summary>Which dates a calendar asks its sources for.</summary>
/// <param name="From">Dates that end before this are left out.</param>
/// <param name="MemberId">Only the dates of this member: the assemblies it was invited to and its own events; null for the whole network.</param>
/// <param name="WithNetworkOnly">Whether dates a city shows to signed-in members only are wanted.</param>
/// <param name="Site">The public root ("http://localhost:8080/") that links to the portal start from.</param>
public sealed record CalendarQuery(DateTimeOffset From, Guid? MemberId, bool WithNetworkOnly, string Site);
