using System.Collections.Concurrent;
using Kommune20.CityNode.Data;
using Kommune20.Federation.Client;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.CityNode.Federation;

/// <summary>
/// One push loop per origin, all over the node's one channel and credential: a city node has one (its own member), a
/// network node one for each member it keeps records for, started with the node for every origin that has a change log
/// and on an origin's first change. A member that was handed over gets none: the node no longer speaks for it.
/// </summary>
public sealed class PushLoops(ChangePusher pusher, IServiceProvider services, NodeSettings settings, ILogger<PushLoops> logger) : IHostedService
{
    readonly ConcurrentDictionary<Guid, Lazy<Running>> _loops = new();
    readonly CancellationTokenSource _stopping = new();

    sealed record Running(PushLoop Loop, NodeChangeLog Log, CancellationTokenSource Stop, Task Run);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.Network)
        {
            Start(settings.MemberId);
            return;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodeDb>();
        var handedOver = await db.HandedOver.Select(h => h.MemberId).ToListAsync(cancellationToken);
        var origins = await db.ChangeLog.Select(entry => entry.OriginMemberId).Distinct().ToListAsync(cancellationToken);
        foreach (var origin in origins.Except(handedOver))
            Start(origin);
    }

    /// <summary>Asks the origin's loop to push now, starting it on the origin's first change.</summary>
    public void Wake(Guid origin) => Start(origin).Loop.Wake();

    /// <summary>The origin's change log as the pusher reads it (for a full re-sync asked for by an editor).</summary>
    public NodeChangeLog LogOf(Guid origin) => _loops.TryGetValue(origin, out var running) ? running.Value.Log : NewLog(origin);

    /// <summary>The last failure of the origin's loop; null when it succeeded last or does not run.</summary>
    public Exception? LastError(Guid origin) => _loops.TryGetValue(origin, out var running) ? running.Value.Loop.LastError : null;

    /// <summary>Stops pushing for the origin (it was handed over to a node of its own).</summary>
    public async Task StopAsync(Guid origin)
    {
        if (!_loops.TryRemove(origin, out var running))
            return;
        await running.Value.Stop.CancelAsync();
        await running.Value.Run;
        logger.LogInformation("Stopped pushing for {Origin}", origin);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_loops.Values.Select(running => running.Value.Run));
    }

    /// <summary>Lazy, so that two first changes of an origin at once start one loop.</summary>
    Running Start(Guid origin) => _loops.GetOrAdd(origin, key => new Lazy<Running>(() =>
    {
        var log = NewLog(key);
        var loop = new PushLoop(pusher, log, settings.PushInterval);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        return new Running(loop, log, stop, Task.Run(() => loop.RunAsync(stop.Token)));
    })).Value;

    NodeChangeLog NewLog(Guid origin) => ActivatorUtilities.CreateInstance<NodeChangeLog>(services, origin);
}
