using System.Net.Http.Json;
using Kommune20.Testing;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace Kommune20.Browser.Tests;

/// <summary>
/// The links of an e-mail digest, followed by a reader who is not signed in: the confirmation e-mail's link confirms the
/// subscription with the page's button, and the unsubscribe link ends it on a phone. The fixture's hub has no mail server, so
/// Notifications writes its e-mails into its data directory (<c>mail/*.eml</c>), where the reader's mailbox is.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class EmailLinkJourneys(Portal portal) : Journeys(portal)
{
    [Fact]
    public async Task A_reader_confirms_a_digest_from_the_email_and_unsubscribes_on_a_phone_without_signing_in()
    {
        const string address = "lena.vogt@iese.example";
        var person = Portal.Hub.Credentials.PersonNamed("moderation-iese");
        using (var partner = SignIn.WithToken(Portal.Address, await Portal.Hub.SignIn.PersonTokenAsync(person.UserName, person.Password)))
        using (var created = await partner.PostAsJsonAsync("/api/notifications/subscriptions",
                   new { follows = "project", projectKey = "reallabore-heilbronn", channel = "email", email = address, frequency = "weekly" }))
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var confirmation = await MailboxAsync(address);

        var page = await Portal.NewPageAsync();
        await page.GotoAsync(EmailLink.Find(confirmation, "/abonnements/bestaetigen?token=").PathAndQuery);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("E-Mail-Abonnement bestätigen");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Abonnement bestätigen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Bestätigt. An {address} geht ab jetzt wöchentlich");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "abonnement-bestaetigen");

        var phone = await Portal.NewPageAsync(Widths.Phone);
        var unsubscribe = EmailLink.Find(confirmation, "/abbestellen?token=").PathAndQuery;
        await phone.GotoAsync(unsubscribe);
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("E-Mail-Zusammenfassung abbestellen");
        await Expect(phone.GetByText($"Die Adresse {address} erhält wöchentlich")).ToContainTextAsync("das Projekt „reallabore-heilbronn“");
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await Screenshots.SaveAsync(phone, "abbestellen");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Abbestellen" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Abbestellt.");
        await Accessibility.AssertNoSeriousViolationsAsync(phone);

        // The link followed again (a reload would post the form once more).
        await phone.GotoAsync(unsubscribe);
        await Expect(phone.GetByRole(AriaRole.Alert)).ToContainTextAsync("Abmeldelink unbekannt");
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
    }

    /// <summary>The first e-mail to <paramref name="address"/> that Notifications wrote into its data directory.</summary>
    async Task<MimeMessage> MailboxAsync(string address)
    {
        var folder = Path.Combine(Portal.Hub.DataDirectory, "notifications", "mail");
        MimeMessage? found = null;
        await Eventually.HoldsAsync(async () =>
        {
            Assert.True(Directory.Exists(folder), $"No {folder}");
            foreach (var file in Directory.GetFiles(folder, "*.eml"))
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(to => to.Address == address))
                    found = message;
            }
            Assert.NotNull(found);
        }, TimeSpan.FromSeconds(30));
        return found!;
    }
}
