using System.Globalization;
using System.Text;
using Kommune20.Notifications.Notices;
using Kommune20.Notifications.Subscriptions;
using Kommune20.ServiceDefaults;
using MimeKit;

namespace Kommune20.Notifications.Digests;

/// <summary>
/// A digest: the notices of a period that a subscription follows, newest first, each with its title, its day in Germany,
/// its summary and the absolute link to its page.
/// </summary>
public static class DigestLetter
{
    static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static MimeMessage Compose(Letterhead head, Subscription subscription, IReadOnlyList<Notice> notices)
    {
        var subject = Subject(subscription.Frequency, notices.Count);
        var about = FollowWords.Describe(subscription.Follows);
        var text = new StringBuilder($"Guten Tag,\n\nhier ist, was es Neues gibt über {about}:\n");
        var html = new StringBuilder($"""
            <h1 style="font-size: 1.4em;">{Letterhead.Encode(subject)}</h1>
            <p>Guten Tag,</p>
            <p>hier ist, was es Neues gibt über {Letterhead.Encode(about)}:</p>
            <ul style="list-style: none; padding: 0;">
            """);
        foreach (var notice in notices.OrderByDescending(n => n.OccurredAt))
        {
            var link = head.Links.Page(notice.Link).AbsoluteUri;
            var day = Day(notice.OccurredAt);
            text.Append($"\n{notice.Title}\n{day}\n");
            if (notice.Summary.Length > 0)
                text.Append($"{notice.Summary}\n");
            text.Append($"{link}\n");
            html.Append($"""
                <li style="margin: 0 0 1.5em 0;">
                <h2 style="font-size: 1.1em; margin: 0;"><a href="{Letterhead.Encode(link)}" style="color: #0b4f8a;">{Letterhead.Encode(notice.Title)}</a></h2>
                <p style="margin: 0; color: #444444;">{Letterhead.Encode(day)}</p>
                {(notice.Summary.Length > 0 ? $"<p style=\"margin: 0.25em 0 0 0;\">{Letterhead.Encode(notice.Summary)}</p>" : "")}
                </li>
                """);
        }
        html.Append("</ul>");
        var why = $"Sie erhalten diese E-Mail, weil {subscription.Email} {about} {FollowWords.Frequency(subscription.Frequency)} abonniert hat.";
        text.Append($"\n{why}");
        html.Append($"<p>{Letterhead.Encode(why)}</p>");
        return head.Write(subscription.Email!, subject, text.ToString(), html.ToString(), subscription.UnsubscribeToken!);
    }

    public static string Subject(DigestFrequency? frequency, int count) =>
        $"Ihr {(frequency == DigestFrequency.Daily ? "Tagesüberblick" : "Wochenüberblick")}: "
        + $"{count} {(count == 1 ? "Neuigkeit" : "Neuigkeiten")} aus dem Netzwerk";

    /// <summary>The day in Germany, whatever the server's zone: „2. Dezember 2026“.</summary>
    public static string Day(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, GermanClock.Zone).ToString("d. MMMM yyyy", German);
}
