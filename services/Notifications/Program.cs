using Kommune20.Data;
using Kommune20.Messaging;
using Kommune20.Notifications;
using Kommune20.Notifications.Data;
using Kommune20.Notifications.Digests;
using Kommune20.Notifications.Feeds;
using Kommune20.Notifications.Notices;
using Kommune20.Notifications.Subscriptions;
using Kommune20.Notifications.Webhooks;
using Kommune20.Registry.Client;
using Kommune20.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();                                       // telemetry, health, problem details, token validation
builder.AddServiceDatabase<NotificationsDb, PostgresNotificationsDb>("notifications");       // notices, subscriptions, outbox, inbox
builder.AddMessaging<NotificationsDb>("notifications", typeof(ProjectUpdateNotices).Assembly); // the network's events become notices
builder.AddNotifications();
builder.AddDigests();                                               // e-mail digests with double opt-in, through SMTP
builder.AddRegistryClient("Notifications");                         // the members' federal states (library filters) and names (feeds)

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapSubscriptionsApi();
app.MapWebhooksApi();
app.MapFeedsApi();
app.MapEmailApi();
app.MapOutboxApi("notifications");
app.Run();

public partial class Program;
