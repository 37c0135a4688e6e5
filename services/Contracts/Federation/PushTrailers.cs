namespace Kommune20.Contracts.Federation;

/// <summary>
/// What the hub tells a pusher when it ends a call with RESOURCE_EXHAUSTED. With <see cref="RetryAfter"/> (whole
/// seconds) the caller's credential flooded and is refused until then: back off. Without it the push stream reached its
/// bound of batches: open a new one at once and resume from the cursor.
/// </summary>
public static class PushTrailers
{
    public const string RetryAfter = "retry-after";
}
