using Kommune20.Notifications.Digests;
using Kommune20.Notifications.Notices;
using Kommune20.Notifications.Subscriptions;
using MimeKit;

namespace Kommune20.Notifications.Tests.Digests;

public class DigestLetterTests
{
    static readonly Letterhead Head = new(MailboxAddress.Parse("Kommune 2.0 e. V. <benachrichtigungen@kommune20.de>"),
        new MailLinks(new Uri("https://kommune20.example/")));

    static readonly Subscription Weekly = new()
    {
        Channel = Channel.Email,
        Email = "lena.vogt@iese.example",
        Frequency = DigestFrequency.Weekly,
        Follows = new FollowTarget { Kind = FollowKind.Project, ProjectKey = "reallabore-heilbronn" },
        UnsubscribeToken = "abmelde-token",
    };

    static Notice Update(string title, string summary, DateTimeOffset at) => new()
    {
        Title = title,
        Summary = summary,
        Link = "/projekte/reallabore-heilbronn",
        ProjectKey = "reallabore-heilbronn",
        IsPublic = true,
        OccurredAt = at,
    };

    [Fact]
    public void A_weekly_digest_lists_each_notice_with_its_day_in_Germany_and_its_absolute_link_in_text_and_html()
    {
        // 23:30 UTC on 1 December is already 2 December in Germany.
        var notices = new[]
        {
            Update("Reallabore Heilbronn: Sensoren montiert", "Vierzig Parksensoren in der Innenstadt.", new(2026, 12, 1, 23, 30, 0, TimeSpan.Zero)),
            Update("Reallabore Heilbronn: Bürgerforum", "Ein Abend im Rathaus.", new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero)),
        };

        var message = DigestLetter.Compose(Head, Weekly, notices);

        Assert.Equal("Ihr Wochenüberblick: 2 Neuigkeiten aus dem Netzwerk", message.Subject);
        Assert.Equal("lena.vogt@iese.example", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("benachrichtigungen@kommune20.de", Assert.Single(message.From.Mailboxes).Address);
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(part => part.ContentType.MimeType));
        foreach (var body in new[] { message.TextBody, message.HtmlBody })
        {
            Assert.Contains("Sensoren montiert", body);
            Assert.Contains("2. Dezember 2026", body);
            Assert.Contains("30. November 2026", body);
            Assert.Contains("https://kommune20.example/projekte/reallabore-heilbronn", body);
            Assert.Contains("https://kommune20.example/abbestellen?token=abmelde-token", body);
        }
        Assert.True(message.TextBody!.IndexOf("Sensoren", StringComparison.Ordinal) < message.TextBody.IndexOf("Bürgerforum", StringComparison.Ordinal),
            "newest first");
    }

    [Fact]
    public void Mail_programs_get_the_one_click_unsubscribe_of_RFC_8058()
    {
        var message = DigestLetter.Compose(Head, Weekly, [Update("Titel", "Text", DateTimeOffset.UtcNow)]);

        Assert.Equal("<https://kommune20.example/api/notifications/email/unsubscribe/one-click?token=abmelde-token>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public void What_a_city_wrote_is_encoded_in_the_html()
    {
        var message = DigestLetter.Compose(Head, Weekly, [Update("<script>alert(1)</script> & mehr", "<img src=x onerror=alert(1)>", DateTimeOffset.UtcNow)]);

        Assert.DoesNotContain("<script>", message.HtmlBody);
        Assert.DoesNotContain("<img", message.HtmlBody);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; mehr", message.HtmlBody);
        Assert.Contains("<script>alert(1)</script> & mehr", message.TextBody);
    }

    [Fact]
    public void A_daily_digest_of_one_notice_says_so()
    {
        Assert.Equal("Ihr Tagesüberblick: 1 Neuigkeit aus dem Netzwerk", DigestLetter.Subject(DigestFrequency.Daily, 1));
        Assert.Equal("Ihr Wochenüberblick: 3 Neuigkeiten aus dem Netzwerk", DigestLetter.Subject(DigestFrequency.Weekly, 3));
    }

    [Fact]
    public void The_confirmation_asks_to_confirm_by_a_link_and_can_be_unsubscribed_too()
    {
        var subscription = new Subscription
        {
            Channel = Channel.Email,
            Email = "lena.vogt@iese.example",
            Frequency = DigestFrequency.Daily,
            CreatedBy = "Lena Vogt",
            Follows = new FollowTarget { Kind = FollowKind.Topic, Topic = "Mobilität" },
            UnsubscribeToken = "abmelde-token",
        };

        var message = ConfirmationLetter.Compose(Head, subscription, "bestaetigungs-token");

        Assert.Equal(ConfirmationLetter.Subject, message.Subject);
        Assert.Contains("https://kommune20.example/abonnements/bestaetigen?token=bestaetigungs-token", message.TextBody);
        Assert.Contains("href=\"https://kommune20.example/abonnements/bestaetigen?token=bestaetigungs-token\"", message.HtmlBody);
        Assert.Contains("tägliche E-Mail-Zusammenfassung über das Thema „Mobilität“", message.TextBody);
        Assert.Contains("https://kommune20.example/abbestellen?token=abmelde-token", message.TextBody);
    }
}
