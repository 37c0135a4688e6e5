using System.Threading.Channels;
using Kommune20.Meetings.Exchange;
using Kommune20.Meetings.Exchange.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;

namespace Kommune20.Meetings.Tests;

/// <summary>
/// A participant's SignalR connection to Meetings in-process (a WebSocket, the token in the query string as a browser
/// sends it) and what the room sent it, message by message.
/// </summary>
public sealed class LiveRoomListener : IAsyncDisposable
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public HubConnection Connection { get; }
    public Channel<QuestionDto> Opened { get; } = Channel.CreateUnbounded<QuestionDto>();
    public Channel<List<AudienceQuestionDto>> Questions { get; } = Channel.CreateUnbounded<List<AudienceQuestionDto>>();
    public Channel<TakeawayDto> Takeaways { get; } = Channel.CreateUnbounded<TakeawayDto>();
    public Channel<Guid> GuestAccessEnded { get; } = Channel.CreateUnbounded<Guid>();

    LiveRoomListener(HubConnection connection)
    {
        Connection = connection;
        connection.On<QuestionDto>(LiveRoom.QuestionOpened, q => Opened.Writer.TryWrite(q));
        connection.On<List<AudienceQuestionDto>>(LiveRoom.AudienceQuestionsChanged, q => Questions.Writer.TryWrite(q));
        connection.On<TakeawayDto>(LiveRoom.TakeawayRecorded, t => Takeaways.Writer.TryWrite(t));
        connection.On<Guid>(LiveRoom.GuestAccessEnded, s => GuestAccessEnded.Writer.TryWrite(s));
    }

    /// <summary>A connection with <paramref name="token"/> (none: without), not started yet.</summary>
    public static LiveRoomListener For(TestServer server, string? token) => new(new HubConnectionBuilder()
        .WithUrl(new Uri(server.BaseAddress, LiveRoomHub.Path.TrimStart('/') + (token is null ? "" : $"?access_token={Uri.EscapeDataString(token)}")), options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
            options.WebSocketFactory = (context, ct) => new ValueTask<System.Net.WebSockets.WebSocket>(
                server.CreateWebSocketClient().ConnectAsync(context.Uri, ct));
        })
        .Build());

    /// <summary>Connects and joins the session's room; answers the room's state.</summary>
    public async Task<LiveRoomState> JoinAsync(Guid session)
    {
        await Connection.StartAsync();
        return await Connection.InvokeAsync<LiveRoomState>("Join", session);
    }

    public static async Task<T> NextAsync<T>(Channel<T> channel)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await channel.Reader.ReadAsync(timeout.Token);
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
