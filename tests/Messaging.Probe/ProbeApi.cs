using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Messaging.Probe;

public static class ProbeApi
{
    public static void MapProbeApi(this WebApplication app)
    {
        app.MapPost("/emit", EmitAsync).AllowAnonymous();
        app.MapGet("/counts", CountsAsync).AllowAnonymous();
    }

    /// <summary>Commits events <paramref name="from"/> to from + count − 1, <paramref name="batch"/> per transaction; every number in <paramref name="poison"/> is poison.</summary>
    static async Task<IResult> EmitAsync(int from, int count, int batch, [FromQuery] int[]? poison, ProbeDb db, CancellationToken ct)
    {
        var poisoned = poison?.ToHashSet() ?? [];
        for (var number = from; number < from + count; number++)
        {
            db.AddIntegrationEvent(new ProbeEvent(number, poisoned.Contains(number)));
            if ((number - from + 1) % batch == 0 || number == from + count - 1)
                await db.SaveChangesAsync(ct);
        }
        return TypedResults.NoContent();
    }

    static async Task<ProbeCounts> CountsAsync(ProbeDb db, OutboxStore outbox, RedeliveryCount redeliveries, CancellationToken ct) => new(
        await db.Receipts.CountAsync(ct),
        await db.Receipts.CountAsync(receipt => receipt.Applications > 1, ct),
        redeliveries.Value,
        await outbox.CountAsync(ct),
        await db.Set<OutboxMessage>().SumAsync(message => message.Attempts, ct));
}

/// <summary>What this process received (distinct events, events applied twice, redeliveries its inbox skipped) and what its outbox holds.</summary>
public sealed record ProbeCounts(int Received, int AppliedTwice, long RedeliveriesSkipped, OutboxStatus Outbox, int FailedAttempts);

/// <summary>The inbox's count of skipped redeliveries since this process started.</summary>
public sealed class RedeliveryCount : IDisposable
{
    readonly MeterListener _listener = new();
    long _value;

    public RedeliveryCount()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MessagingMetrics.MeterName && instrument.Name == "kommune20.inbox.redeliveries_skipped")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _value, value));
        _listener.Start();
    }

    public long Value => Interlocked.Read(ref _value);

    public void Dispose() => _listener.Dispose();
}
