using System.Security.Claims;
using Kommune20.Data.Lists;
using Kommune20.Messaging;
using Kommune20.Notifications.Data;
using Kommune20.Notifications.Subscriptions;
using Kommune20.ServiceDefaults.Problems;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Notifications.Webhooks;

/// <summary>
/// A webhook subscription's own parts, for its organisation only (another's is 404): the delivery log, newest first, with
/// every attempt; sending a delivered or given-up delivery again; a new secret (the old one keeps signing for a day); and
/// the endpoint's handshake again.
/// </summary>
public static class WebhooksApi
{
    public const int MaxPageSize = 100;
    static readonly TimeSpan OldSecretSigns = TimeSpan.FromHours(24);

    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications/subscriptions/{id:guid}").WithTags("Notifications").RequireAuthorization(Policies.Authenticated);
        group.MapGet("/deliveries", ListDeliveriesAsync);
        group.MapPost("/deliveries/{deliveryId:guid}/redeliver", RedeliverAsync);
        group.MapPost("/secret", RotateSecretAsync);
        group.MapPost("/verification", VerifyAsync);
        return group;
    }

    static async Task<Results<Ok<PagedList<DeliveryDto>>, ValidationProblem, NotFound>> ListDeliveriesAsync(Guid id, int? page, int? pageSize,
        ClaimsPrincipal user, NotificationsDb db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        Paging.Check(page, pageSize, MaxPageSize, errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        if (await db.FindOwnAsync(id, user, ct) is null)
            return TypedResults.NotFound();
        var deliveries = from delivery in db.WebhookDeliveries.AsNoTracking()
                         where delivery.SubscriptionId == id
                         join notice in db.Notices on delivery.NoticeId equals notice.Id
                         orderby delivery.CreatedAt descending, delivery.Id descending
                         select new { Delivery = delivery, notice.Type, notice.Title };
        return TypedResults.Ok(await deliveries.ToPagedListAsync(page ?? 1, pageSize ?? 20,
            row => DeliveryDto.From(row.Delivery, row.Type, row.Title), ct));
    }

    static async Task<Results<Accepted<DeliveryDto>, NotFound, ProblemHttpResult>> RedeliverAsync(Guid id, Guid deliveryId, ClaimsPrincipal user,
        NotificationsDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.FindOwnAsync(id, user, ct) is null
            || await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && d.SubscriptionId == id, ct) is not { } delivery)
            return TypedResults.NotFound();
        if (delivery.Status is not (DeliveryStatus.Delivered or DeliveryStatus.Failed))
            return Refusals.Conflict("Die Zustellung läuft noch.",
                "Erneut gesendet wird eine zugestellte oder aufgegebene Zustellung; diese wird noch versucht.");
        var now = clock.GetUtcNow();
        delivery.Status = DeliveryStatus.Pending;
        delivery.NextAttemptAt = now;
        delivery.QueuedAt = now;
        delivery.RoundStartedAt = null;
        delivery.RoundFailures = 0;
        db.AddIntegrationEvent(new WebhookDeliveriesDue([delivery.Id]));
        await db.SaveChangesAsync(ct);
        var notice = await db.Notices.AsNoTracking().SingleAsync(n => n.Id == delivery.NoticeId, ct);
        return TypedResults.Accepted($"/api/notifications/subscriptions/{id}/deliveries", DeliveryDto.From(delivery, notice.Type, notice.Title));
    }

    static async Task<Results<Ok<SubscriptionDto>, NotFound, ProblemHttpResult>> RotateSecretAsync(Guid id, ClaimsPrincipal user,
        NotificationsDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.FindOwnAsync(id, user, ct) is not { } subscription)
            return TypedResults.NotFound();
        if (subscription.Channel != Channel.Webhook)
            return NoWebhook();
        subscription.PreviousSecret = subscription.Secret;
        subscription.PreviousSecretUntil = clock.GetUtcNow() + OldSecretSigns;
        subscription.Secret = WebhookEnrolment.NewSecret();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SubscriptionDto.From(subscription, withSecret: true));
    }

    static async Task<Results<Ok<SubscriptionDto>, NotFound, ProblemHttpResult>> VerifyAsync(Guid id, ClaimsPrincipal user, NotificationsDb db,
        WebhookEnrolment webhooks, CancellationToken ct)
    {
        if (await db.FindOwnAsync(id, user, ct) is not { } subscription)
            return TypedResults.NotFound();
        if (subscription.Channel != Channel.Webhook)
            return NoWebhook();
        var unverified = await webhooks.VerifyAsync(subscription, ct);
        await db.SaveChangesAsync(ct);
        return unverified is null ? TypedResults.Ok(SubscriptionDto.From(subscription)) : unverified;
    }

    static ProblemHttpResult NoWebhook() =>
        Refusals.Conflict("Kein Webhook.", "Geheimnis und Bestätigung gibt es nur für Abonnements über einen Webhook.");
}
