using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests.Calendar;

/// <summary>
/// The network calendar and a member's, as a calendar client fetches them through the gateway from a hub with its demo data
/// and Heidelberg's node (whose demo event federates into them), validate as iCalendar (RFC 5545).
/// </summary>
[Collection(HubWithHeidelberg.Name)]
public sealed class NetworkCalendarFileTests(HubWithHeidelberg fixture)
{
    [Fact]
    public async Task The_network_calendar_and_Heidelbergs_validate_as_iCalendar()
    {
        using var client = new HttpClient { BaseAddress = fixture.Hub.Gateway };
        var demoEvent = $"termin-{PracticeSamples.Heidelberg}-digitalitaet-2027-03@kommune20";

        foreach (var path in new[] { "/feeds/events.ics", $"/feeds/members/{PracticeSamples.Heidelberg}/events.ics" })
        {
            Ical.Net.Calendar calendar = null!;
            await Eventually.HoldsAsync(async () =>
            {
                using var response = await client.GetAsync(path);
                Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
                calendar = ICalendarRules.Validate(await response.Content.ReadAsByteArrayAsync());
                Assert.Contains(calendar.Events, e => e.Uid == demoEvent);
            }, TimeSpan.FromSeconds(90));

            var digitalitaet = calendar.Events.Single(e => e.Uid == demoEvent);
            Assert.Equal("Digitalität@Heidelberg: Chancen und Risiken digitaler Entwicklungen", digitalitaet.Summary);
            Assert.StartsWith("In der Veranstaltungsreihe „Digitalität@Heidelberg“", digitalitaet.Description);
        }
    }
}
