using System.Net.Http.Headers;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Kommune20.Notifications.Notices;
using Kommune20.ServiceDefaults;

namespace Kommune20.Notifications.Webhooks;

/// <summary>
/// A notice as a CloudEvent 1.0 in structured JSON (<c>application/cloudevents+json</c>). Its id is the notice's, the same
/// on every attempt and for every subscriber, so that a receiver drops a duplicate; its source is the network's hub.
/// </summary>
public static class WebhookEvent
{
    public const string MediaType = "application/cloudevents+json";

    static readonly JsonEventFormatter<WebhookEventData> Formatter = new(Json.Options, default);

    /// <summary>The event's JSON, exactly the bytes that are signed and sent.</summary>
    public static ReadOnlyMemory<byte> Encode(Notice notice, Uri hub)
    {
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0)
        {
            Id = notice.Id.ToString(),
            Source = hub,
            Type = notice.Type,
            Subject = notice.Subject,
            Time = notice.OccurredAt,
            DataContentType = "application/json",
            Data = new WebhookEventData(notice.Title, notice.Summary, new Uri(hub, notice.Link).AbsoluteUri, notice.ProjectKey,
                notice.MemberIds, notice.IsWithdrawal),
        };
        return Formatter.EncodeStructuredModeMessage(cloudEvent, out _);
    }

    public static MediaTypeHeaderValue ContentType => new(MediaType) { CharSet = "utf-8" };
}

/// <summary>
/// What a webhook's event carries: the title, a summary, an absolute link to the portal, the project and the members it is
/// about, and whether it takes back what an earlier event of its subject said.
/// </summary>
public sealed record WebhookEventData(string Title, string Summary, string Link, string? ProjectKey, IReadOnlyList<Guid> MemberIds,
    bool Withdrawn);
