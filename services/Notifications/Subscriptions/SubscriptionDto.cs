namespace Kommune20.Notifications.Subscriptions;

/// <summary>A subscription as its organisation sees it; the webhook secret is shown only when created or rotated.</summary>
public sealed record SubscriptionDto(Guid Id, string Follows, string? ProjectKey, Guid? MemberId, string? Topic, string? SdgTarget,
    string? FederalState, string Channel, string? Url, string? Email, string? Frequency, bool IsActive, DateTimeOffset? VerifiedAt,
    DateTimeOffset? ConfirmedAt, string CreatedBy, DateTimeOffset CreatedAt, string? Secret = null)
{
    public static SubscriptionDto From(Subscription subscription, bool withSecret = false) => new(
        subscription.Id, Camel(subscription.Follows.Kind.ToString()), subscription.Follows.ProjectKey, subscription.Follows.MemberId,
        subscription.Follows.Topic, subscription.Follows.SdgTarget, subscription.Follows.FederalState,
        Camel(subscription.Channel.ToString()), subscription.Url, subscription.Email,
        subscription.Frequency is { } frequency ? Camel(frequency.ToString()) : null, subscription.IsActive, subscription.VerifiedAt,
        subscription.ConfirmedAt, subscription.CreatedBy, subscription.CreatedAt, withSecret ? subscription.Secret : null);

    static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
