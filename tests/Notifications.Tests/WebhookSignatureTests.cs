using Kommune20.Notifications.Notices;
using Kommune20.Notifications.Subscriptions;
using Kommune20.Notifications.Webhooks;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;

namespace Kommune20.Notifications.Tests;

public class WebhookSignatureTests
{
    static readonly Notice Update = new()
    {
        Id = Guid.NewGuid(),
        Type = NoticeTypes.ProjectUpdatePosted,
        Subject = "projects/reallabore-heilbronn/updates/1",
        Title = "Reallabore Heilbronn: Sensoren montiert",
        Summary = "Vierzig Parksensoren in der Innenstadt – „Parken“ ohne Suchen.",
        Link = "/projekte/reallabore-heilbronn",
        ProjectKey = "reallabore-heilbronn",
        MemberIds = [Guid.NewGuid()],
        IsPublic = true,
        OccurredAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public void A_delivery_verifies_with_the_Standard_Webhooks_implementation()
    {
        var subscription = new Subscription { Secret = WebhookEnrolment.NewSecret() };

        var (body, headers) = Signed(subscription, DateTimeOffset.UtcNow);

        new StandardWebhook(subscription.Secret!).Verify(body, headers);
        Assert.Equal(Update.Id.ToString(), headers[WebhookSignature.IdHeader]);
        Assert.Throws<StandardWebhooks.Diagnostics.WebhookVerificationException>(() =>
            new StandardWebhook(WebhookEnrolment.NewSecret()).Verify(body, headers));
        Assert.Throws<StandardWebhooks.Diagnostics.WebhookVerificationException>(() =>
            new StandardWebhook(subscription.Secret!).Verify(body.Replace("Sensoren", "Kameras"), headers));
    }

    [Fact]
    public void After_a_rotation_the_old_secret_signs_too_for_a_day()
    {
        var now = DateTimeOffset.UtcNow;
        var subscription = new Subscription { Secret = WebhookEnrolment.NewSecret(), PreviousSecret = WebhookEnrolment.NewSecret(), PreviousSecretUntil = now.AddHours(24) };

        var (body, headers) = Signed(subscription, now);
        var signatures = headers[WebhookSignature.SignatureHeader].ToString().Split(' ');

        new StandardWebhook(subscription.Secret!).Verify(body, headers);
        Assert.Equal([new StandardWebhook(subscription.Secret!).Sign(Update.Id.ToString(), now, body),
            new StandardWebhook(subscription.PreviousSecret!).Sign(Update.Id.ToString(), now, body)], signatures);

        subscription.PreviousSecretUntil = now.AddSeconds(-1);
        Assert.Single(Signed(subscription, now).Headers[WebhookSignature.SignatureHeader].ToString().Split(' '));
    }

    [Fact]
    public void The_event_is_a_structured_CloudEvent_with_an_absolute_link()
    {
        var body = System.Text.Encoding.UTF8.GetString(WebhookEvent.Encode(Update, new Uri("https://kommune20.de/")).Span);
        var cloudEvent = System.Text.Json.JsonDocument.Parse(body).RootElement;

        Assert.Equal("1.0", cloudEvent.GetProperty("specversion").GetString());
        Assert.Equal(Update.Id.ToString(), cloudEvent.GetProperty("id").GetString());
        Assert.Equal("https://kommune20.de/", cloudEvent.GetProperty("source").GetString());
        Assert.Equal(NoticeTypes.ProjectUpdatePosted, cloudEvent.GetProperty("type").GetString());
        Assert.Equal(Update.Subject, cloudEvent.GetProperty("subject").GetString());
        var data = cloudEvent.GetProperty("data");
        Assert.Equal("https://kommune20.de/projekte/reallabore-heilbronn", data.GetProperty("link").GetString());
        Assert.Equal("reallabore-heilbronn", data.GetProperty("projectKey").GetString());
        Assert.False(data.GetProperty("withdrawn").GetBoolean());
    }

    static (string Body, IHeaderDictionary Headers) Signed(Subscription subscription, DateTimeOffset now)
    {
        var body = WebhookEvent.Encode(Update, new Uri("https://kommune20.de/"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://partner.example/hook");
        WebhookSignature.Sign(request, subscription, Update.Id.ToString(), body, now);
        var headers = new HeaderDictionary(request.Headers.ToDictionary(h => h.Key, h => new Microsoft.Extensions.Primitives.StringValues(h.Value.ToArray())));
        return (System.Text.Encoding.UTF8.GetString(body.Span), headers);
    }
}
