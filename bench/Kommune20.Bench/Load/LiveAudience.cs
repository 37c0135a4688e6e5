using System.Diagnostics;
using System.Net.WebSockets;
using Kommune20.Bench.Measuring;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kommune20.Bench.Load;

/// <summary>
/// The participants of a SignalR room, all in the bench process: each its own connection over WebSockets without the
/// negotiation request, all sockets opened through one shared handler, started a bounded number at a time, each joined
/// to the room. A broadcast round notes when each participant got the message the round waits for.
/// </summary>
public sealed class LiveAudience : IAsyncDisposable
{
    /// <summary>The broadcast a round waits for: the message's name on the hub, with the id it carries.</summary>
    public const string Message = "QuestionOpened";

    static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    readonly HttpMessageInvoker _sockets = new(new SocketsHttpHandler());
    readonly List<HubConnection> _connections = [];
    Round? _round;
    int _closed;

    LiveAudience()
    {
    }

    public int Participants => _connections.Count;

    /// <summary>How long the participants took to connect and join, all of them.</summary>
    public TimeSpan ConnectedIn { get; private set; }

    /// <summary>Connections that closed while the audience was connected (a participant that left the room).</summary>
    public int Closed => Volatile.Read(ref _closed);

    /// <summary>
    /// Connects a participant per token (null: without one) to <paramref name="hub"/>, <paramref name="parallelism"/> at a
    /// time, and invokes <paramref name="join"/> with <paramref name="room"/> on each.
    /// </summary>
    public static async Task<LiveAudience> ConnectAsync(Uri hub, IReadOnlyList<string?> tokens, string join, Guid room, int parallelism,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var audience = new LiveAudience();
        var connections = tokens.Select((token, index) => audience.Participant(hub, token, index)).ToList();
        audience._connections.AddRange(connections);
        try
        {
            await Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                async (connection, ct) =>
                {
                    await connection.StartAsync(ct);
                    await connection.InvokeAsync(join, room, ct);
                });
        }
        catch
        {
            await audience.DisposeAsync();
            throw;
        }
        audience.ConnectedIn = started.Elapsed;
        return audience;
    }

    HubConnection Participant(Uri hub, string? token, int index)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.WebSocketFactory = async (context, ct) =>
                {
                    var socket = new ClientWebSocket();
                    if (token is not null)
                        socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
                    await socket.ConnectAsync(context.Uri, _sockets, ct);
                    return socket;
                };
            })
            .Build();
        // A busy machine delays the server's pings; the room's participants stay until the run ends.
        connection.ServerTimeout = Patience;
        connection.HandshakeTimeout = Patience;
        connection.On<Broadcast>(Message, message => Volatile.Read(ref _round)?.Received(index, message.Id, Stopwatch.GetTimestamp()));
        connection.Closed += _ =>
        {
            Interlocked.Increment(ref _closed);
            return Task.CompletedTask;
        };
        return connection;
    }

    /// <summary>
    /// Sends <paramref name="trigger"/> and waits until every participant got the broadcast carrying <paramref name="id"/>,
    /// at most <paramref name="giveUpAfter"/>. Returns the fan-out from the trigger's sending and how long its answer took.
    /// </summary>
    public async Task<(FanOut FanOut, double TriggerMs)> BroadcastAsync(Guid id, Func<CancellationToken, Task> trigger, TimeSpan giveUpAfter,
        CancellationToken cancellationToken)
    {
        var round = new Round(id, _connections.Count);
        Volatile.Write(ref _round, round);
        var sent = Stopwatch.GetTimestamp();
        await trigger(cancellationToken);
        var triggerMs = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
        var left = giveUpAfter - Stopwatch.GetElapsedTime(sent);
        if (left > TimeSpan.Zero)
            await Task.WhenAny(round.Everyone, Task.Delay(left, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
        Volatile.Write(ref _round, null);
        return (FanOut.Of(sent, round.ReceivedAt(), giveUpAfter.TotalMilliseconds), triggerMs);
    }

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(_connections, async (connection, _) => await connection.DisposeAsync());
        _sockets.Dispose();
    }

    sealed record Broadcast(Guid Id);

    /// <summary>One broadcast's receipts: a participant's first receipt of the awaited id counts, anything else is ignored.</summary>
    sealed class Round(Guid id, int participants)
    {
        readonly long[] _receivedAt = new long[participants];
        readonly TaskCompletionSource _everyone = new(TaskCreationOptions.RunContinuationsAsynchronously);
        int _pending = participants;

        public Task Everyone => _everyone.Task;

        public void Received(int participant, Guid received, long at)
        {
            if (received == id && Interlocked.CompareExchange(ref _receivedAt[participant], at, 0) == 0 && Interlocked.Decrement(ref _pending) == 0)
                _everyone.TrySetResult();
        }

        public IReadOnlyList<long?> ReceivedAt() => [.. _receivedAt.Select(at => at == 0 ? (long?)null : at)];
    }
}
