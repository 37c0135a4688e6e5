using Grpc.Core;
using Kommune20.Contracts.Federation;
using Kommune20.Data.Replicas;
using Kommune20.Meetings.Data;
using Kommune20.Registry.Grpc;

namespace Kommune20.Meetings.Calendar;

/// <summary>
/// Applies what the federation announces about city events to the calendar's replicas: newer versions replace older
/// ones, repeated and out-of-order ones are ignored, withdrawals leave tombstones. The organiser's name is asked of the
/// Registry once, so the calendar does not depend on it being up.
/// </summary>
public sealed class CityEventReplicas(MeetingsDb db, Registry.Grpc.Registry.RegistryClient registry, ILogger<CityEventReplicas> logger)
{
    static readonly TimeSpan RegistryPatience = TimeSpan.FromSeconds(3);

    public async Task ApplyAsync(RecordOrigin origin, CityEventRecord record, CancellationToken ct)
    {
        var cityEvent = await db.CityEvents.FindOrAddAsync(origin, CityEvent.From, ct);
        if (!cityEvent.ApplyOrIgnore(origin, record, "event", logger))
            return;
        cityEvent.OrganiserName ??= await OrganiserNameAsync(origin.OriginMemberId, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task WithdrawAsync(RecordOrigin origin, CancellationToken ct)
    {
        var cityEvent = await db.CityEvents.FindOrAddAsync(origin, CityEvent.From, ct);
        cityEvent.WithdrawOrIgnore(origin, "event", logger);
        await db.SaveChangesAsync(ct);
    }

    async Task<string?> OrganiserNameAsync(Guid memberId, CancellationToken ct)
    {
        // Bounded whatever the call waits for (its token first): an event is worth listing without the name.
        using var call = registry.GetMemberAsync(new GetMemberRequest { MemberId = memberId.ToString() },
            deadline: DateTime.UtcNow.Add(RegistryPatience), cancellationToken: ct);
        try
        {
            return (await call.ResponseAsync.WaitAsync(RegistryPatience, ct)).Name;
        }
        catch (Exception exception) when (exception is RpcException or TimeoutException or InvalidOperationException or HttpRequestException
                                          && !ct.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Could not ask the Registry for the name of member {MemberId}; the event is listed without it", memberId);
            return null;
        }
    }
}
