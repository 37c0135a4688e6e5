using Kommune20.Notifications.Digests;
using Kommune20.Notifications.Notices;
using Kommune20.Notifications.Subscriptions;
using Kommune20.Testing;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Notifications.Tests.Digests;

public sealed class DigestRunTests : IAsyncLifetime
{
    static readonly FollowTarget Reallabor = new() { Kind = FollowKind.Project, ProjectKey = "reallabore-heilbronn" };
    const string Lena = "lena.vogt@iese.example";

    readonly MailRoom _room = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _room.DisposeAsync().AsTask();

    static Notice Update(string title, string project = "reallabore-heilbronn", bool isPublic = true) =>
        new() { Title = title, Summary = "Aus dem Reallabor.", ProjectKey = project, IsPublic = isPublic };

    [Fact]
    public async Task The_confirmation_email_waits_for_a_mail_server_that_is_down_and_goes_out_later()
    {
        await _room.SubscribeAsync(Lena, Reallabor);

        Assert.Equal(1, await _room.Sender.SendDueAsync(CancellationToken.None));
        await using (var db = _room.Open())
        {
            var waiting = await db.OutgoingMails.SingleAsync();
            Assert.Equal(1, waiting.AttemptCount);
            Assert.NotNull(waiting.LastError);
            Assert.Equal(_room.Clock.GetUtcNow() + TimeSpan.FromMinutes(1), waiting.NextAttemptAt);
        }

        var smtp = _room.StartMailServer();
        Assert.Equal(0, await _room.Sender.SendDueAsync(CancellationToken.None));
        _room.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await _room.Sender.SendDueAsync(CancellationToken.None));

        var confirmation = Assert.Single(smtp.To(Lena));
        Assert.Equal(ConfirmationLetter.Subject, confirmation.Subject);
        await using (var db = _room.Open())
            Assert.Empty(await db.OutgoingMails.ToListAsync());
    }

    [Fact]
    public async Task The_service_keeps_only_the_hash_of_the_confirmation_token()
    {
        var smtp = _room.StartMailServer();
        var subscription = await _room.SubscribeAsync(Lena, Reallabor);
        await _room.Sender.SendDueAsync(CancellationToken.None);

        var link = EmailLink.Find(Assert.Single(smtp.To(Lena)), "/abonnements/bestaetigen?token=");
        var token = Uri.UnescapeDataString(link.Query["?token=".Length..]);
        await using var db = _room.Open();
        var stored = await db.Subscriptions.SingleAsync(s => s.Id == subscription.Id);
        Assert.Equal(EmailTokens.Hash(token), stored.ConfirmationTokenHash);
        Assert.Equal(_room.Clock.GetUtcNow() + TimeSpan.FromDays(7), stored.ConfirmationExpiresAt);
        Assert.Null(stored.ConfirmedAt);
    }

    [Fact]
    public async Task Nothing_but_the_confirmation_is_sent_before_the_opt_in_is_confirmed()
    {
        var smtp = _room.StartMailServer();
        await _room.SubscribeAsync(Lena, Reallabor);
        await _room.RecordAsync(Update("Sensoren montiert"));
        _room.Clock.Advance(TimeSpan.FromDays(7));

        Assert.Equal(0, await _room.RunScheduledAsync(DigestFrequency.Weekly));
        await _room.Sender.SendDueAsync(CancellationToken.None);
        Assert.Equal([ConfirmationLetter.Subject], smtp.To(Lena).Select(m => m.Subject));
    }

    [Fact]
    public async Task Two_instances_send_one_weekly_digest_per_week_with_the_public_news_of_what_it_follows()
    {
        var smtp = _room.StartMailServer();
        var subscription = await _room.SubscribeAsync(Lena, Reallabor);
        await _room.ConfirmAsync(subscription);
        await _room.RecordAsync(Update("Sensoren montiert"), Update("Nur im Netzwerk", isPublic: false), Update("Anderes Projekt", project: "mash-heidelberg"));
        await using (var db = _room.Open())
        {
            var withdrawn = Update("Zurückgezogen");
            await _room.RecordAsync(withdrawn);
            await db.Notices.Where(n => n.Id == withdrawn.Id).ExecuteUpdateAsync(set => set.SetProperty(n => n.SupersededAt, _room.Clock.GetUtcNow()));
        }

        // Wednesday: the week began before the confirmation; the first digest is next Monday's.
        Assert.Equal(0, await _room.RunScheduledAsync(DigestFrequency.Weekly));
        // Monday, 07:00 in Germany, and the seconds in which what was recorded before commits.
        _room.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 6, 0, 5, TimeSpan.Zero));
        Assert.Equal(0, await _room.RunScheduledAsync(DigestFrequency.Weekly));
        _room.Clock.Advance(DigestRun.Settling);
        var runs = await Task.WhenAll(_room.RunScheduledAsync(DigestFrequency.Weekly), _room.RunScheduledAsync(DigestFrequency.Weekly));
        Assert.Equal(1, runs.Sum());
        _room.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(0, await _room.RunScheduledAsync(DigestFrequency.Weekly));
        Assert.Equal(0, await _room.RunScheduledAsync(DigestFrequency.Daily));
        await _room.Sender.SendDueAsync(CancellationToken.None);

        var digest = Assert.Single(smtp.To(Lena), m => m.Subject != ConfirmationLetter.Subject);
        Assert.Equal("Ihr Wochenüberblick: 1 Neuigkeit aus dem Netzwerk", digest.Subject);
        Assert.Contains("Sensoren montiert", digest.TextBody);
        Assert.DoesNotContain("Nur im Netzwerk", digest.TextBody);
        Assert.DoesNotContain("Anderes Projekt", digest.TextBody);
        Assert.DoesNotContain("Zurückgezogen", digest.TextBody);

        // The next week reports what came after this digest only.
        await _room.RecordAsync(Update("Bürgerforum"));
        _room.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 14, 6, 1, 0, TimeSpan.Zero));
        Assert.Equal(1, await _room.RunScheduledAsync(DigestFrequency.Weekly));
        await _room.Sender.SendDueAsync(CancellationToken.None);
        var second = smtp.To(Lena).Last();
        Assert.Contains("Bürgerforum", second.TextBody);
        Assert.DoesNotContain("Sensoren montiert", second.TextBody);
    }

    [Fact]
    public async Task A_week_without_news_sends_nothing()
    {
        var smtp = _room.StartMailServer();
        var subscription = await _room.SubscribeAsync(Lena, Reallabor);
        await _room.ConfirmAsync(subscription);
        await _room.RecordAsync(Update("Anderes Projekt", project: "mash-heidelberg"));
        _room.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 6, 1, 0, TimeSpan.Zero));

        Assert.Equal(0, await _room.RunScheduledAsync(DigestFrequency.Weekly));
        await _room.Sender.SendDueAsync(CancellationToken.None);

        Assert.Equal([ConfirmationLetter.Subject], smtp.To(Lena).Select(m => m.Subject));
        await using var db = _room.Open();
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero), (await db.Subscriptions.SingleAsync()).LastDigestAt);
    }
}
