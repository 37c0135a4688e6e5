namespace Kommune20.Notifications.Subscriptions;

/// <summary>
/// An organisation's wish to hear of something (<see cref="Follows"/>) on one channel: a webhook to its endpoint, or an e-mail
/// digest to an address. It belongs to the organisation (<see cref="MemberId"/>): nobody else sees it or its deliveries.
/// </summary>
public sealed class Subscription
{
    public Guid Id { get; set; }
    public Guid MemberId { get; set; }

    /// <summary>The person who subscribed, for the organisation's own overview.</summary>
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public FollowTarget Follows { get; set; } = new();
    public Channel Channel { get; set; }

    /// <summary>Webhook: where events are posted.</summary>
    public string? Url { get; set; }

    /// <summary>Webhook: the Standard Webhooks secret (<c>whsec_…</c>) deliveries are signed with; rotated on request.</summary>
    public string? Secret { get; set; }

    /// <summary>Webhook: the secret before the last rotation, which also signs deliveries until <see cref="PreviousSecretUntil"/>.</summary>
    public string? PreviousSecret { get; set; }
    public DateTimeOffset? PreviousSecretUntil { get; set; }

    /// <summary>Webhook: when the endpoint answered the validation handshake; nothing is delivered before.</summary>
    public DateTimeOffset? VerifiedAt { get; set; }

    /// <summary>E-mail: where digests go.</summary>
    public string? Email { get; set; }
    public DigestFrequency? Frequency { get; set; }

    /// <summary>E-mail: when the address confirmed the subscription (double opt-in); nothing is sent before.</summary>
    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>E-mail: the SHA-256 of the token in the confirmation link (the link itself is only in the e-mail).</summary>
    public string? ConfirmationTokenHash { get; set; }
    public DateTimeOffset? ConfirmationExpiresAt { get; set; }

    /// <summary>
    /// E-mail: the token of the unsubscribe link. Kept as it is, not hashed, because every digest carries it again; it can do
    /// nothing but end this one subscription.
    /// </summary>
    public string? UnsubscribeToken { get; set; }

    /// <summary>E-mail: up to when the last digest reported; the next one starts there. Claimed by a conditional update, so one instance sends it.</summary>
    public DateTimeOffset? LastDigestAt { get; set; }

    public bool IsActive => Channel switch
    {
        Channel.Webhook => VerifiedAt is not null,
        Channel.Email => ConfirmedAt is not null,
        _ => false,
    };
}

public enum Channel
{
    Webhook,
    Email,
}

public enum DigestFrequency
{
    Daily,
    Weekly,
}
