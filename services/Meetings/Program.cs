using Kommune20.Data;
using Kommune20.Data.Audit;
using Kommune20.Meetings;
using Kommune20.Meetings.Assemblies;
using Kommune20.Meetings.Attendance;
using Kommune20.Meetings.Calendar;
using Kommune20.Meetings.Data;
using Kommune20.Meetings.Exchange;
using Kommune20.Meetings.Exchange.Guests;
using Kommune20.Meetings.Exchange.Live;
using Kommune20.Meetings.Motions;
using Kommune20.Meetings.OParl;
using Kommune20.Meetings.Practices;
using Kommune20.Meetings.Proceedings;
using Kommune20.Meetings.Votes;
using Kommune20.Messaging;
using Kommune20.Registry.Client;
using Kommune20.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();                                   // telemetry, health, problem details, token validation
builder.AddServiceDatabase<MeetingsDb, PostgresMeetingsDb>("meetings");             // assemblies, attendance, votes, minutes, exchange sessions, audit log, outbox, inbox
builder.AddMessaging<MeetingsDb>("meetings", typeof(CityEventPublishedConsumer).Assembly); // publishes AssemblyScheduled, InvitationSent, VoteClosed, MinutesApproved,
                                                                // ExchangeSessionScheduled, StatementSubmitted, PanelistReminded, SessionResultsPublished;
                                                                // keeps the cities' events and practices
builder.AddAssemblies();                                        // the statutes, attendance and the voting register
builder.AddNetworkCalendar();                                   // /feeds/events.ics and its sources: assemblies, cities' events
builder.AddExchangeSessions();                                  // the live room (SignalR) and the demo's exchange session
builder.AddPracticeLinks();                                     // the library's practices that statements and takeaways link to
builder.AddGuestAccess();                                       // guests in the live room: their passes, the room's policy, the code's rate limit
builder.AddRegistryClient("Meetings");                          // who may vote (gRPC, the service's own client credential)

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseRateLimiter();                                           // redeeming a guest code, per client address
app.MapAssembliesApi();
app.MapDelegatesApi();
app.MapProxiesApi();
app.MapMotionsApi();
app.MapVotesApi();
app.MapMinutesApi();
app.MapOutboxApi("meetings");
app.MapAuditLogApi<MeetingsDb>("/api/meetings/office/audit");   // the office's and the moderators' actions, append-only
app.MapOParlApi();
app.MapCalendarApi();
app.MapExchangeSessionsApi();
app.MapStatementsApi();
app.MapStatementsDocumentApi();
app.MapLiveRoom();
app.MapGuestAccessApi();
app.Run();

public partial class Program;
