using Kommune20.Notifications.Digests;
using Kommune20.Notifications.Feeds;
using Kommune20.Notifications.Notices;
using Kommune20.Notifications.Webhooks;

namespace Kommune20.Notifications;

public static class NotificationsExtensions
{
    /// <summary>Notices from the network's events, the members' federal states (gRPC), and the channels that take subscriptions, the feeds.</summary>
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<MemberStates>();
        builder.Services.AddScoped<NoticeRecorder>();
        builder.AddWebhooks();
        builder.Services.AddScoped<DigestEnrolment>();
        builder.Services.AddScoped<NoticeFeeds>();
        builder.Services.AddScoped<FeedRequests>();
        return builder;
    }
}
