using Kommune20.Portal.Calendar;
using Kommune20.Portal.Exchange;
using Kommune20.Portal.Federation;
using Kommune20.Portal.Library;
using Kommune20.Portal.Office;
using Kommune20.Portal.Meetings;
using Kommune20.Portal.Notifications;
using Kommune20.Portal.Projects;
using Kommune20.Portal.Registry;
using Kommune20.WebUi.SignIn;

namespace Kommune20.Portal;

public static class PortalClients
{
    /// <summary>
    /// The portal is a client like any other: it reads and writes through the gateway's public APIs only, counted
    /// in the rate-limit bucket of the visitor it calls for.
    /// </summary>
    public static IHostApplicationBuilder AddPortalClients(this IHostApplicationBuilder builder)
    {
        builder.Services.AddTransient<VisitorHandler>();
        builder.AddGatewayClient<RegistryClient>().AddHttpMessageHandler<VisitorHandler>();
        builder.AddGatewayClient<LibraryClient>().AddHttpMessageHandler<VisitorHandler>();
        builder.AddGatewayClient<MeetingsClient>().AddHttpMessageHandler<VisitorHandler>();
        builder.AddGatewayClient<ReplicaStateClient>().AddHttpMessageHandler<VisitorHandler>();
        builder.AddGatewayClient<AuditClient>().AddHttpMessageHandler<VisitorHandler>();
        builder.AddGatewayClient<CalendarClient>().AddHttpMessageHandler<VisitorHandler>();
        builder.AddGatewayClient<ExchangeClient>().AddHttpMessageHandler<VisitorHandler>();
        builder.Services.AddTransient<LiveRoomConnection>();
        builder.AddGatewayClient<ProjectsClient>().AddHttpMessageHandler<VisitorHandler>();
        builder.AddGatewayClient<NotificationsClient>().AddHttpMessageHandler<VisitorHandler>();
        builder.AddGatewayClient<EmailLinksClient>().AddHttpMessageHandler<VisitorHandler>();
        builder.Services.AddSingleton<CityNodes>();
        return builder;
    }
}
