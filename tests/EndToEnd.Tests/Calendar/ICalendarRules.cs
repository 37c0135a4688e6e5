using System.Text;
using System.Text.RegularExpressions;

namespace Kommune20.EndToEnd.Tests.Calendar;

/// <summary>
/// Checks an iCalendar file against rules of RFC 5545 that parsers tolerate, then parses it with Ical.Net: content lines end
/// in CRLF and are at most 75 octets, folded lines go on with a space or tab and are whole UTF-8 each (a fold never splits a
/// character); every line is a name (letters, digits, hyphens) with parameters and a value; components begin and end in pairs;
/// the calendar has VERSION:2.0 and one PRODID; each VEVENT has exactly one UID, DTSTAMP (a UTC date-time) and DTSTART, and
/// not both DTEND and DURATION.
/// </summary>
public static partial class ICalendarRules
{
    const int MaxOctets = 75;

    public static Ical.Net.Calendar Validate(byte[] file)
    {
        var lines = PhysicalLines(file);
        var unfolded = new List<string>();
        foreach (var line in lines)
        {
            if (line.StartsWith(' ') || line.StartsWith('\t'))
            {
                Assert.NotEmpty(unfolded);
                unfolded[^1] += line[1..];
            }
            else
                unfolded.Add(line);
        }
        Assert.All(unfolded, line => Assert.Matches(ContentLine(), line));

        var components = new Stack<(string Name, Dictionary<string, int> Properties)>();
        var events = 0;
        foreach (var line in unfolded)
        {
            var name = line[..line.IndexOfAny([';', ':'])].ToUpperInvariant();
            var value = line[(line.IndexOf(':') + 1)..];
            if (name == "BEGIN")
            {
                components.Push((value.ToUpperInvariant(), []));
                continue;
            }
            if (name == "END")
            {
                var (component, properties) = components.Pop();
                Assert.Equal(component, value.ToUpperInvariant());
                RequireComponent(component, properties);
                events += component == "VEVENT" ? 1 : 0;
                continue;
            }
            Assert.NotEmpty(components);
            var counts = components.Peek().Properties;
            counts[name] = counts.GetValueOrDefault(name) + 1;
            if (components.Peek().Name == "VCALENDAR" && name == "VERSION")
                Assert.Equal("2.0", value);
            if (components.Peek().Name == "VEVENT" && name == "DTSTAMP")
                Assert.Matches(UtcDateTime(), value);
        }
        Assert.Empty(components);
        Assert.StartsWith("BEGIN:VCALENDAR", unfolded[0]);
        Assert.Equal("END:VCALENDAR", unfolded[^1]);

        var calendar = Ical.Net.Calendar.Load(Encoding.UTF8.GetString(file));
        Assert.NotNull(calendar);
        Assert.Equal(events, calendar.Events.Count);
        return calendar;
    }

    /// <summary>The lines between CRLFs, each at most 75 octets and valid UTF-8 by itself; the file ends with a CRLF.</summary>
    static List<string> PhysicalLines(byte[] file)
    {
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < file.Length; i++)
        {
            if (file[i] == (byte)'\r')
            {
                Assert.True(i + 1 < file.Length && file[i + 1] == (byte)'\n', $"a CR at octet {i} without LF");
                Assert.True(i - start <= MaxOctets, $"line {lines.Count + 1} has {i - start} octets, more than {MaxOctets}");
                lines.Add(strict.GetString(file, start, i - start));
                start = i + 2;
                i++;
            }
            else
                Assert.True(file[i] != (byte)'\n', $"a bare LF at octet {i}");
        }
        Assert.Equal(file.Length, start);
        return lines;
    }

    static void RequireComponent(string component, Dictionary<string, int> properties)
    {
        int Count(string name) => properties.GetValueOrDefault(name);
        switch (component)
        {
            case "VCALENDAR":
                Assert.Equal(1, Count("VERSION"));
                Assert.Equal(1, Count("PRODID"));
                break;
            case "VEVENT":
                Assert.Equal((1, 1, 1), (Count("UID"), Count("DTSTAMP"), Count("DTSTART")));
                Assert.False(Count("DTEND") > 0 && Count("DURATION") > 0, "an event has DTEND or DURATION, not both");
                Assert.True(Count("DTEND") <= 1 && Count("SEQUENCE") <= 1 && Count("SUMMARY") <= 1, "properties that occur once");
                break;
        }
    }

    /// <summary>name *(";" param) ":" value, RFC 5545 3.1; a parameter value may be quoted.</summary>
    [GeneratedRegex("""^[A-Za-z0-9-]+(;[A-Za-z0-9-]+=("[^"]*"|[^";:,]*)(,("[^"]*"|[^";:,]*))*)*:.*$""")]
    private static partial Regex ContentLine();

    [GeneratedRegex(@"^\d{8}T\d{6}Z$")]
    private static partial Regex UtcDateTime();
}
