using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.Contracts.Federation;
using Kommune20.EndToEnd.Tests.Federation;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;
using MimeKit;

namespace Kommune20.EndToEnd.Tests.Notifications;

/// <summary>
/// E-mail digests through the gateway, the real broker and a real SMTP server: a partner subscribes an address to Heilbronn's
/// Reallabor weekly; nothing but the confirmation e-mail comes before the address confirms on the portal's page without signing
/// in; Heilbronn's node posts an update and the weekly digest brings it; its unsubscribe link ends the subscription on the
/// portal's page, again without signing in, and nothing comes after.
/// </summary>
[Collection(NotificationsHub.Name)]
public sealed class EmailDigestsThroughGatewayTests(NotificationsHub fixture)
{
    const string Reallabor = "reallabore-heilbronn";

    Hub Hub => fixture.Hub;
    TestSmtpServer Smtp => fixture.Smtp;

    [Fact]
    public async Task A_weekly_digest_brings_the_weeks_updates_after_the_opt_in_and_its_link_unsubscribes_without_signing_in()
    {
        var address = $"lena.vogt+{Guid.NewGuid():N}@iese.example";
        using var partner = await SignedInAsync("moderation-iese");
        using var office = await SignedInAsync("geschaeftsstelle");
        using (var created = await partner.PostAsJsonAsync("/api/notifications/subscriptions",
                   new { follows = "project", projectKey = Reallabor, channel = "email", email = address, frequency = "weekly" }))
        {
            var subscription = await Succeeded(created);
            Assert.False(subscription.GetProperty("isActive").GetBoolean());
        }

        var confirmation = await Smtp.WaitForAsync(address, "Bitte bestätigen");
        var confirmationLink = LinkIn(confirmation, "/abonnements/bestaetigen?token=");
        var unsubscribeLink = LinkIn(confirmation, "/abbestellen?token=");

        // Before the opt-in the office's run writes nothing, even with news of the project.
        var heilbronn = fixture.Heilbronn;
        await PostUpdateAsync(heilbronn, "vor-bestaetigung", "Vor der Bestätigung");
        Assert.Equal(0, await RunWeeklyAsync(office));

        // The link of the e-mail: the portal's page, with its button, without signing in.
        using (var visitor = new PortalForm(Hub.Gateway))
        {
            Assert.Contains("Abonnement bestätigen", await visitor.OpenAsync(confirmationLink.PathAndQuery));
            var confirmed = await visitor.SubmitAsync(confirmationLink.PathAndQuery, "bestaetigen");
            Assert.Contains("Bestätigt.", confirmed);
            Assert.Contains("das Projekt „reallabore-heilbronn“", confirmed);
        }

        await PostUpdateAsync(heilbronn, "sensoren-" + Guid.NewGuid().ToString("N")[..6], "Sensoren montiert");
        var digest = await WeeklyDigestWithAsync(office, address, "Sensoren montiert");
        Assert.Matches("^Ihr Wochenüberblick: (1 Neuigkeit|[0-9]+ Neuigkeiten) aus dem Netzwerk$", digest.Subject);
        Assert.Contains("Sensoren montiert", digest.TextBody);
        Assert.Contains("Sensoren montiert", digest.HtmlBody);
        Assert.Contains(new Uri(Hub.Gateway, "/projekte/reallabore-heilbronn").AbsoluteUri, digest.TextBody);
        Assert.Equal("List-Unsubscribe=One-Click", digest.Headers["List-Unsubscribe-Post"]);
        var digestUnsubscribe = LinkIn(digest, "/abbestellen?token=");
        Assert.Equal(unsubscribeLink, digestUnsubscribe);

        // The digest's unsubscribe link: the portal's page says what it ends, and its button ends it, without signing in.
        using (var visitor = new PortalForm(Hub.Gateway))
        {
            var page = await visitor.OpenAsync(digestUnsubscribe.PathAndQuery);
            Assert.Contains(address, page);
            Assert.Contains("wöchentlich", page);
            var ended = await visitor.SubmitAsync(digestUnsubscribe.PathAndQuery, "abbestellen");
            Assert.Contains("Abbestellt.", ended);
            Assert.Contains("Abmeldelink unbekannt", await visitor.OpenAsync(digestUnsubscribe.PathAndQuery));
        }

        await PostUpdateAsync(heilbronn, "nachher-" + Guid.NewGuid().ToString("N")[..6], "Nach dem Abbestellen");
        await Task.Delay(DigestSettling);
        Assert.Equal(0, await RunWeeklyAsync(office));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.All(Smtp.To(address), m => Assert.DoesNotContain("Nach dem Abbestellen", m.TextBody));
        Assert.Equal(1, Smtp.To(address).Count(m => m.Subject == confirmation.Subject));
    }

    [Fact]
    public async Task The_pages_of_the_emails_links_open_without_signing_in_and_an_unknown_link_is_named()
    {
        using var visitor = new PortalForm(Hub.Gateway);

        Assert.Contains("Abonnement bestätigen", await visitor.OpenAsync("/abonnements/bestaetigen?token=unbekannt"));
        Assert.Contains("Abmeldelink unbekannt", await visitor.OpenAsync("/abbestellen?token=unbekannt"));
        Assert.Contains("Bestätigungslink unbekannt", await visitor.SubmitAsync("/abonnements/bestaetigen?token=unbekannt", "bestaetigen"));

        using var anonymous = new HttpClient { BaseAddress = Hub.Gateway };
        using (var unknown = await anonymous.PostAsJsonAsync("/api/notifications/email/unsubscribe", new { token = "unbekannt" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal("Abmeldelink unbekannt", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        }
        using (var empty = await anonymous.PostAsJsonAsync("/api/notifications/email/confirmation", new { token = "" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.True((await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("token", out _));
        }
        using (var oneClick = await anonymous.PostAsync("/api/notifications/email/unsubscribe/one-click?token=unbekannt",
                   new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" })))
            Assert.Equal(HttpStatusCode.NotFound, oneClick.StatusCode);
    }

    [Fact]
    public async Task Only_the_office_runs_the_digests_and_the_frequency_is_named_when_wrong()
    {
        using var anonymous = new HttpClient { BaseAddress = Hub.Gateway };
        using var partner = await SignedInAsync("moderation-iese");
        using var office = await SignedInAsync("geschaeftsstelle");

        using (var nobody = await anonymous.PostAsync("/api/notifications/office/digests?frequency=weekly", null))
            Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
        using (var notOffice = await partner.PostAsync("/api/notifications/office/digests?frequency=weekly", null))
            Assert.Equal(HttpStatusCode.Forbidden, notOffice.StatusCode);
        using var monthly = await office.PostAsync("/api/notifications/office/digests?frequency=monthly", null);
        Assert.Equal(HttpStatusCode.BadRequest, monthly.StatusCode);
        Assert.True((await monthly.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("frequency", out _));
    }

    /// <summary>The office's run reports up to a few seconds ago (what was being recorded then has committed).</summary>
    static readonly TimeSpan DigestSettling = TimeSpan.FromSeconds(11);

    /// <summary>
    /// Runs the weekly digests now, once a second, until the digest with <paramref name="news"/> arrived: the update travels from
    /// the node through Federation and Projects to Notifications, and a run reports only what settled.
    /// </summary>
    async Task<MimeMessage> WeeklyDigestWithAsync(HttpClient office, string address, string news)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            await RunWeeklyAsync(office);
            if (Smtp.To(address).FirstOrDefault(m => m.Subject?.StartsWith("Ihr Wochenüberblick", StringComparison.Ordinal) == true
                    && m.TextBody!.Contains(news, StringComparison.Ordinal)) is { } digest)
                return digest;
            Assert.True(DateTime.UtcNow < deadline, $"No weekly digest with „{news}“ in 90 s.\n{Hub.Process("notifications").RecentLog}");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    static async Task<int> RunWeeklyAsync(HttpClient office)
    {
        using var run = await office.PostAsync("/api/notifications/office/digests?frequency=weekly", null);
        return (await Succeeded(run)).GetProperty("digests").GetInt32();
    }

    async Task PostUpdateAsync(CityNodeEditor node, string id, string title)
    {
        var update = new ProjectUpdateRecord(Reallabor, title, $"{title}: aus dem Reallabor in Heilbronn.", DateOnly.FromDateTime(DateTime.UtcNow), Visibility.Public);
        using var posted = await node.Http.PostAsJsonAsync("/api/node/project-updates", new { id, record = update }, Json.Options);
        Assert.True(posted.StatusCode == HttpStatusCode.Created, $"{posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
    }

    /// <summary>The link in the e-mail's text that contains <paramref name="part"/>; it points at the hub's public address.</summary>
    Uri LinkIn(MimeMessage message, string part)
    {
        var link = EmailLink.Find(message, part);
        Assert.Equal(Hub.Gateway.Authority, link.Authority);
        return link;
    }

    static async Task<JsonElement> Succeeded(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    async Task<HttpClient> SignedInAsync(string userName)
    {
        var person = Hub.Credentials.PersonNamed(userName);
        return SignIn.WithToken(Hub.Gateway, await Hub.SignIn.PersonTokenAsync(person.UserName, person.Password));
    }
}
