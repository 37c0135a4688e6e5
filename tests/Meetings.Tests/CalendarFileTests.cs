using Ical.Net.CalendarComponents;
using Kommune20.Meetings.Calendar;

namespace Kommune20.Meetings.Tests;

/// <summary>The network calendar as a calendar client reads it: parsed back with Ical.Net, every field as written.</summary>
public sealed class CalendarFileTests
{
    static readonly DateTimeOffset Start = new(2027, 3, 11, 18, 0, 0, TimeSpan.FromHours(1));

    static CalendarEntry Talk(string title = "Digitalität@Heidelberg", string? description = null, bool cancelled = false, int sequence = 0) => new(
        "termin-heidelberg-digitalitaet@kommune20", CalendarEntryKind.CityEvent, Guid.NewGuid(), title, description, Start, Start.AddHours(2),
        "Heidelberg", null, "https://www.heidelberg.de", "Heidelberg", Guid.NewGuid(), sequence, cancelled, Start.AddDays(-30));

    static CalendarEvent ReadSingle(string ics) => Assert.Single(Ical.Net.Calendar.Load(ics)!.Events);

    [Fact]
    public void An_event_keeps_its_UID_and_its_times_in_UTC()
    {
        var ics = CalendarFile.Write("Termine", [Talk()]);

        var read = ReadSingle(ics);
        Assert.Equal("termin-heidelberg-digitalitaet@kommune20", read.Uid);
        Assert.True(read.DtStart!.IsUtc);
        Assert.Equal(new DateTime(2027, 3, 11, 17, 0, 0, DateTimeKind.Utc), read.DtStart.AsUtc);
        Assert.Equal(new DateTime(2027, 3, 11, 19, 0, 0, DateTimeKind.Utc), read.DtEnd!.AsUtc);
        Assert.Equal("Heidelberg", read.Location);
        Assert.Equal(new Uri("https://www.heidelberg.de"), read.Url);
        Assert.Equal("CONFIRMED", read.Status);
        Assert.Contains("DTSTART:20270311T170000Z", ics);
        Assert.Contains("X-WR-CALNAME:Termine", ics);
    }

    [Fact]
    public void Commas_semicolons_line_breaks_and_umlauts_survive_the_round_trip()
    {
        const string title = "Forum Digitale Stadt: Bürger, Verwaltung; Stadtwerke";
        const string description = "Erster Teil: Vorträge,\nzweiter Teil; Austausch über Öffnungszeiten und Größe – „Digitalität“.";
        var ics = CalendarFile.Write("Termine, Netzwerk; Heidelberg", [Talk(title, description)]);

        var read = ReadSingle(ics);
        Assert.Equal(title, read.Summary);
        Assert.StartsWith(description, read.Description);
        Assert.Contains(@"SUMMARY:Forum Digitale Stadt: Bürger\, Verwaltung\; Stadtwerke", ics);
        Assert.DoesNotContain("\nzweiter Teil", ics.Replace("\r\n", "\n").Replace("\n ", ""));
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
    }

    [Fact]
    public void A_called_off_event_is_cancelled_with_its_sequence()
    {
        var read = ReadSingle(CalendarFile.Write("Termine", [Talk(cancelled: true, sequence: 2)]));

        Assert.Equal("CANCELLED", read.Status);
        Assert.Equal(2, read.Sequence);
        Assert.StartsWith("Abgesagt.", read.Description);
    }

    [Fact]
    public void The_same_dates_give_the_same_file()
    {
        var talk = Talk();
        Assert.Equal(CalendarFile.Write("Termine", [talk]), CalendarFile.Write("Termine", [talk]));
    }
}
