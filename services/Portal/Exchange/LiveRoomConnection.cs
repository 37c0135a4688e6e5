using Kommune20.WebUi.SignIn;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kommune20.Portal.Exchange;

/// <summary>
/// One participant's live page in the Meetings live room: the portal, not the browser, connects to the room's hub through
/// the gateway with the person's access token (the browser holds only the portal's cookie) and hands the room's news to
/// the page, which its circuit shows at once. One connection per page, ended with it.
/// </summary>
public sealed class LiveRoomConnection(IHttpContextAccessor http, IConfiguration configuration, ILogger<LiveRoomConnection> logger) : IAsyncDisposable
{
    const string HubPath = "/hubs/meetings/live";
    HubConnection? _connection;

    /// <summary>What the room tells a page: its whole state (on joining and again after a lost connection), and each change.</summary>
    public sealed record Listener(Func<LiveRoomState, Task> State, Func<GuidingQuestion, Task> QuestionOpened,
        Func<List<AudienceQuestion>, Task> QuestionsChanged, Func<Takeaway, Task> TakeawayRecorded, Func<bool, Task> Connected);

    /// <summary>Joins the session's room with the signed-in person's token; false when there is no token (signed out).</summary>
    public async Task<bool> JoinAsync(Guid sessionId, Listener listener, CancellationToken ct)
    {
        // The circuit's current request is its WebSocket to the portal, which brought the session cookie with the token
        // (Microsoft's token handler for interactive server rendering reads it the same way: AccessTokenHandler).
        if (await AccessTokenHandler.TokenOfAsync(http.HttpContext) is not { } token)
            return false;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(GatewayClients.Address(configuration), HubPath), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                // No negotiation: the socket stays with the Meetings instance that took it (docs/MEETINGS.md, several instances).
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .WithAutomaticReconnect()
            .Build();
        connection.On<GuidingQuestion>("QuestionOpened", listener.QuestionOpened);
        connection.On<List<AudienceQuestion>>("AudienceQuestionsChanged", listener.QuestionsChanged);
        connection.On<Takeaway>("TakeawayRecorded", listener.TakeawayRecorded);
        connection.Reconnecting += _ => listener.Connected(false);
        // A new connection is in no room: join again and take the state, which may have moved on meanwhile.
        connection.Reconnected += async _ =>
        {
            await listener.State(await connection.InvokeAsync<LiveRoomState>("Join", sessionId));
            await listener.Connected(true);
        };
        connection.Closed += error =>
        {
            if (error is not null)
                logger.LogWarning(error, "The live room's connection for session {SessionId} closed", sessionId);
            return listener.Connected(false);
        };
        _connection = connection;
        await connection.StartAsync(ct);
        await listener.State(await connection.InvokeAsync<LiveRoomState>("Join", sessionId, ct));
        await listener.Connected(true);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }
}
