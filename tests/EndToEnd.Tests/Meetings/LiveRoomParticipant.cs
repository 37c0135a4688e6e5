using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kommune20.EndToEnd.Tests.Meetings;

/// <summary>
/// A person in a session's live room through a gateway, with what the room sent them, message by message. The connection
/// is a WebSocket without SignalR's negotiation, so that it needs no affinity: whichever Meetings instance the gateway
/// hands the socket to keeps it.
/// </summary>
public sealed class LiveRoomParticipant : IAsyncDisposable
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    readonly HubConnection _connection;

    public Channel<JsonElement> Opened { get; } = Channel.CreateUnbounded<JsonElement>();
    public Channel<JsonElement> Questions { get; } = Channel.CreateUnbounded<JsonElement>();
    public Channel<JsonElement> Takeaways { get; } = Channel.CreateUnbounded<JsonElement>();

    /// <summary>What <c>Join</c> answered: the room as it was when they came in.</summary>
    public JsonElement State { get; private set; }

    LiveRoomParticipant(HubConnection connection)
    {
        _connection = connection;
        connection.On<JsonElement>("QuestionOpened", q => Opened.Writer.TryWrite(q));
        connection.On<JsonElement>("AudienceQuestionsChanged", q => Questions.Writer.TryWrite(q));
        connection.On<JsonElement>("TakeawayRecorded", t => Takeaways.Writer.TryWrite(t));
    }

    public static async Task<LiveRoomParticipant> JoinAsync(Uri gateway, string token, Guid session)
    {
        var participant = new LiveRoomParticipant(new HubConnectionBuilder()
            .WithUrl(new Uri(gateway, "/hubs/meetings/live"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build());
        await participant._connection.StartAsync();
        participant.State = await participant._connection.InvokeAsync<JsonElement>("Join", session);
        Assert.Equal(session, participant.State.GetProperty("sessionId").GetGuid());
        return participant;
    }

    /// <summary>The next message of <paramref name="channel"/>; fails after the patience.</summary>
    public static async Task<JsonElement> NextAsync(Channel<JsonElement> channel)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await channel.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The first message of <paramref name="channel"/> from now on that <paramref name="wanted"/> holds for (earlier news passes by).</summary>
    public static async Task<JsonElement> NextWhereAsync(Channel<JsonElement> channel, Func<JsonElement, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var message = await channel.Reader.ReadAsync(timeout.Token);
            if (wanted(message))
                return message;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
