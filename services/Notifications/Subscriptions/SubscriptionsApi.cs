using System.Security.Claims;
using Kommune20.Notifications.Data;
using Kommune20.Notifications.Digests;
using Kommune20.Notifications.Webhooks;
using Kommune20.ServiceDefaults.Problems;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Notifications.Subscriptions;

/// <summary>
/// An organisation's subscriptions: follow something on a channel, list them, look at one, end one. Every request is the
/// signed-in person's organisation's own: another organisation's subscription is answered 404, as if it did not exist.
/// </summary>
public static class SubscriptionsApi
{
    public static RouteGroupBuilder MapSubscriptionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications/subscriptions").WithTags("Notifications").RequireAuthorization(Policies.Authenticated);
        group.MapGet("/", ListAsync);
        group.MapPost("/", SubscribeAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapDelete("/{id:guid}", EndAsync);
        return group;
    }

    static async Task<Results<Ok<List<SubscriptionDto>>, ProblemHttpResult>> ListAsync(ClaimsPrincipal user, NotificationsDb db, CancellationToken ct)
    {
        if (user.GetMemberId() is not { } member)
            return NoOrganisation();
        var subscriptions = await db.Subscriptions.AsNoTracking().Where(s => s.MemberId == member).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(subscriptions.Select(s => SubscriptionDto.From(s)).ToList());
    }

    static async Task<Results<Created<SubscriptionDto>, ValidationProblem, ProblemHttpResult>> SubscribeAsync(SubscriptionInput input,
        ClaimsPrincipal user, NotificationsDb db, WebhookEnrolment webhooks, DigestEnrolment digests, TimeProvider clock, CancellationToken ct)
    {
        if (user.GetMemberId() is not { } member)
            return NoOrganisation();
        var errors = new Dictionary<string, string[]>();
        var (target, channel) = SubscriptionRules.Read(input, errors);
        var subscription = new Subscription
        {
            Id = Guid.NewGuid(),
            MemberId = member,
            CreatedBy = user.FindFirstValue(Kommune20Claims.Name) ?? "",
            CreatedAt = clock.GetUtcNow(),
            Follows = target ?? new FollowTarget(),
            Channel = channel ?? default,
        };
        if (channel == Channel.Webhook)
            await webhooks.EnrolAsync(subscription, input.Url, errors, ct);
        else if (channel == Channel.Email)
            await digests.EnrolAsync(subscription, input.Email, input.Frequency, errors, ct);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        if (channel == Channel.Webhook && await webhooks.VerifyAsync(subscription, ct) is { } unverified)
            return unverified;
        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/notifications/subscriptions/{subscription.Id}", SubscriptionDto.From(subscription, withSecret: true));
    }

    static async Task<Results<Ok<SubscriptionDto>, NotFound>> GetAsync(Guid id, ClaimsPrincipal user, NotificationsDb db, CancellationToken ct) =>
        await db.FindOwnAsync(id, user, ct) is { } subscription ? TypedResults.Ok(SubscriptionDto.From(subscription)) : TypedResults.NotFound();

    static async Task<Results<NoContent, NotFound>> EndAsync(Guid id, ClaimsPrincipal user, NotificationsDb db, CancellationToken ct)
    {
        if (await db.FindOwnAsync(id, user, ct) is not { } subscription)
            return TypedResults.NotFound();
        db.Subscriptions.Remove(subscription);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>The signed-in organisation's subscription, or null for one of another organisation's (404, never 403).</summary>
    public static Task<Subscription?> FindOwnAsync(this NotificationsDb db, Guid id, ClaimsPrincipal user, CancellationToken ct) =>
        user.GetMemberId() is { } member
            ? db.Subscriptions.FirstOrDefaultAsync(s => s.Id == id && s.MemberId == member, ct)
            : Task.FromResult<Subscription?>(null);

    static ProblemHttpResult NoOrganisation() =>
        Refusals.Forbidden("Keine Organisation", "Abonnements gehören einer Organisation; Ihr Zugang nennt keine.");
}
