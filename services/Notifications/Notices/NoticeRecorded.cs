namespace Kommune20.Notifications.Notices;

/// <summary>
/// The service's own message, published through its outbox with the notice: fan-out to the webhook subscribers runs on it, off
/// the path of the integration event, so that a thousand subscribers do not hold up the consumer that recorded the notice.
/// </summary>
public sealed record NoticeRecorded(Guid NoticeId);
