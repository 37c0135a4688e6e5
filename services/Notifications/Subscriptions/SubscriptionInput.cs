namespace Kommune20.Notifications.Subscriptions;

/// <summary>
/// A new subscription as the portal or a partner's system posts it. <c>follows</c>: <c>project</c> (with <c>projectKey</c>),
/// <c>member</c> (<c>memberId</c>), <c>topic</c> (<c>topic</c>), <c>sdgTarget</c> (<c>sdgTarget</c>), <c>calendar</c>, or
/// <c>practices</c> (any of <c>topic</c>, <c>sdgTarget</c>, <c>memberId</c>, <c>federalState</c>). <c>channel</c>: <c>webhook</c>
/// (with <c>url</c>) or <c>email</c> (with <c>email</c> and <c>frequency</c> <c>daily</c> or <c>weekly</c>).
/// </summary>
public sealed record SubscriptionInput(string? Follows, string? ProjectKey, Guid? MemberId, string? Topic, string? SdgTarget,
    string? FederalState, string? Channel, string? Url, string? Email, string? Frequency);
