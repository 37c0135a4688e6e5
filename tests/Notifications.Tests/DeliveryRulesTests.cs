using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.Notifications.Data;
using Kommune20.Notifications.Notices;
using Kommune20.Notifications.Subscriptions;
using Kommune20.Notifications.Webhooks;
using Kommune20.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookDelivery = Kommune20.Notifications.Webhooks.WebhookDelivery;

namespace Kommune20.Notifications.Tests;

/// <summary>
/// The service in-process on the test broker, with a real receiver on loopback (allow-listed): a delivery is sent once however
/// often it is asked for (alone or in a batch, by two couriers at once), each of a batch is recorded for itself, the sweep
/// queues due ones in batches, a failure waits for its retry and a late one gives up, and only a finished delivery of one's own
/// subscription is sent again.
/// </summary>
public sealed class DeliveryRulesTests : IAsyncLifetime
{
    static readonly Guid Iese = Guid.NewGuid();
    static readonly Guid Kgst = Guid.NewGuid();

    readonly IsolatedService<Program> service = new("notifications", web => web.AcceptTestTokens()
        .UseSetting("Webhooks:AllowedAddresses:0", "127.0.0.1")
        .UseSetting("Webhooks:FirstRetry", "01:00:00")
        .UseSetting("Webhooks:BatchSize", "2"));
    WebhookReceiver receiver = null!;

    public async Task InitializeAsync()
    {
        receiver = await WebhookReceiver.StartAsync();
        receiver.FailFirst("failing", int.MaxValue);
        service.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Fact]
    public async Task A_delivery_asked_for_three_times_at_once_is_sent_once_and_never_after_success()
    {
        var delivery = await SeedAsync("once");

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => DeliverAsync(delivery)));
        await DeliverAsync(delivery);

        Assert.Equal(1, receiver.AttemptsAt("once"));
        await AssertDeliveredAtFirstAttemptAsync(delivery);
    }

    [Fact]
    public async Task A_batch_asked_for_by_two_couriers_at_once_is_sent_once_by_the_one_that_claimed_it()
    {
        var batch = new[] { await SeedAsync("batch-a"), await SeedAsync("batch-b"), await SeedAsync("batch-c") };

        await Task.WhenAll(DeliverAsync(batch), DeliverAsync(batch));

        Assert.All(["batch-a", "batch-b", "batch-c"], endpoint => Assert.Equal(1, receiver.AttemptsAt(endpoint)));
        foreach (var delivery in batch)
            await AssertDeliveredAtFirstAttemptAsync(delivery);
    }

    [Fact]
    public async Task A_batch_with_mixed_outcomes_records_each_delivery_for_itself()
    {
        var succeeding = await SeedAsync("mixed");
        var failing = await SeedAsync("failing");

        await DeliverAsync(succeeding, failing);

        await AssertDeliveredAtFirstAttemptAsync(succeeding);
        var retrying = await ReadAsync(failing);
        Assert.Equal(DeliveryStatus.Retrying, retrying.Status);
        Assert.Equal(503, Assert.Single(retrying.Attempts).StatusCode);
        Assert.NotNull(retrying.NextAttemptAt);
    }

    [Fact]
    public async Task The_sweep_queues_due_deliveries_in_batches_and_each_is_sent_once()
    {
        var due = new[] { await SeedAsync("swept-a", queued: false), await SeedAsync("swept-b", queued: false), await SeedAsync("swept-c", queued: false) };

        await Eventually.HoldsAsync(async () =>
        {
            foreach (var delivery in due)
                Assert.Equal(DeliveryStatus.Delivered, (await ReadAsync(delivery)).Status);
        });
        Assert.All(["swept-a", "swept-b", "swept-c"], endpoint => Assert.Equal(1, receiver.AttemptsAt(endpoint)));
    }

    [Fact]
    public async Task A_failure_waits_for_its_retry_and_one_a_day_after_the_first_attempt_gives_up()
    {
        var delivery = await SeedAsync("failing");

        await DeliverAsync(delivery);
        var retrying = await ReadAsync(delivery);
        Assert.Equal(DeliveryStatus.Retrying, retrying.Status);
        Assert.Equal(503, Assert.Single(retrying.Attempts).StatusCode);
        Assert.InRange(retrying.NextAttemptAt!.Value - retrying.Attempts[0].At, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));

        await DeliverAsync(delivery);
        Assert.Single((await ReadAsync(delivery)).Attempts);

        await UpdateAsync(delivery, d =>
        {
            d.NextAttemptAt = DateTimeOffset.UtcNow;
            d.RoundStartedAt = DateTimeOffset.UtcNow.AddHours(-25);
        });
        await DeliverAsync(delivery);
        var failed = await ReadAsync(delivery);
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Equal(2, failed.Attempts.Count);
        Assert.Null(failed.NextAttemptAt);
    }

    [Fact]
    public async Task Only_a_finished_delivery_of_ones_own_subscription_is_sent_again()
    {
        var delivery = await SeedAsync("again");
        using var iese = Client(Iese);
        using var kgst = Client(Kgst);
        var redeliver = $"/api/notifications/subscriptions/{delivery.SubscriptionId}/deliveries/{delivery.Id}/redeliver";

        using (var running = await iese.PostAsync(redeliver, null))
            Assert.Equal(HttpStatusCode.Conflict, running.StatusCode);
        await DeliverAsync(delivery);
        using (var others = await kgst.PostAsync(redeliver, null))
            Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        using (var othersLog = await kgst.GetAsync($"/api/notifications/subscriptions/{delivery.SubscriptionId}/deliveries"))
            Assert.Equal(HttpStatusCode.NotFound, othersLog.StatusCode);

        using (var again = await iese.PostAsync(redeliver, null))
        {
            Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
            Assert.Equal("pending", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }

        await Eventually.HoldsAsync(async () =>
        {
            var log = await iese.GetFromJsonAsync<JsonElement>($"/api/notifications/subscriptions/{delivery.SubscriptionId}/deliveries?page=1&pageSize=10");
            var entry = Assert.Single(log.GetProperty("items").EnumerateArray());
            Assert.Equal("delivered", entry.GetProperty("status").GetString());
            Assert.Equal(2, entry.GetProperty("attemptCount").GetInt32());
        });
        Assert.Equal(2, receiver.To("again").Count);
    }

    HttpClient Client(Guid member)
    {
        var http = service.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("person", ["partner"], "Partnerin", member));
        return http;
    }

    async Task<WebhookDelivery> SeedAsync(string endpoint, bool queued = true)
    {
        using var scope = service.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDb>();
        var now = DateTimeOffset.UtcNow;
        var subscription = new Subscription
        {
            Id = Guid.NewGuid(),
            MemberId = Iese,
            CreatedAt = now,
            Follows = new FollowTarget { Kind = FollowKind.Project, ProjectKey = "reallabore-heilbronn" },
            Channel = Channel.Webhook,
            Url = receiver.Endpoint(endpoint).AbsoluteUri,
            Secret = WebhookEnrolment.NewSecret(),
            VerifiedAt = now,
        };
        var notice = new Notice
        {
            Id = Guid.NewGuid(),
            Type = NoticeTypes.ProjectUpdatePosted,
            Subject = $"projects/reallabore-heilbronn/updates/{Guid.NewGuid()}",
            Title = "Reallabore Heilbronn: Sensoren montiert",
            Link = "/projekte/reallabore-heilbronn",
            ProjectKey = "reallabore-heilbronn",
            IsPublic = true,
            OccurredAt = now,
            RecordedAt = now,
        };
        var delivery = new WebhookDelivery
        {
            Id = Guid.NewGuid(),
            SubscriptionId = subscription.Id,
            NoticeId = notice.Id,
            CreatedAt = now,
            NextAttemptAt = now,
            QueuedAt = queued ? now : null,
        };
        db.AddRange(subscription, notice, delivery);
        await db.SaveChangesAsync();
        return delivery;
    }

    async Task DeliverAsync(params WebhookDelivery[] batch)
    {
        using var scope = service.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<WebhookCourier>().DeliverAsync([.. batch.Select(d => d.Id)], CancellationToken.None);
    }

    async Task AssertDeliveredAtFirstAttemptAsync(WebhookDelivery delivery)
    {
        var delivered = await ReadAsync(delivery);
        Assert.Equal(DeliveryStatus.Delivered, delivered.Status);
        Assert.Equal(204, Assert.Single(delivered.Attempts).StatusCode);
        Assert.Null(delivered.NextAttemptAt);
        Assert.Null(delivered.ClaimedBy);
    }

    async Task<WebhookDelivery> ReadAsync(WebhookDelivery delivery)
    {
        using var scope = service.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationsDb>().WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == delivery.Id);
    }

    async Task UpdateAsync(WebhookDelivery delivery, Action<WebhookDelivery> change)
    {
        using var scope = service.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDb>();
        change(await db.WebhookDeliveries.SingleAsync(d => d.Id == delivery.Id));
        await db.SaveChangesAsync();
    }
}
