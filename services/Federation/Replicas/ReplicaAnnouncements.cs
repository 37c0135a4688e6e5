using Kommune20.Contracts.Federation;
using Kommune20.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Federation.Replicas;

/// <summary>The integration event an applied change announces (its kind's descriptor says which), staged in the outbox of the same SaveChanges.</summary>
public static class ReplicaAnnouncements
{
    /// <param name="wasLive">Whether the replica was published (not withdrawn) before this change.</param>
    public static void Announce(DbContext db, RecordOrigin origin, RecordKind kind, object? record, bool wasLive)
    {
        var descriptor = RecordDescriptors.Of(kind);
        if (record is not null)
            descriptor.AnnouncePublished(new Outbox(db), origin, record, wasLive);
        else if (wasLive)
            descriptor.AnnounceWithdrawn(new Outbox(db), origin);
    }

    sealed class Outbox(DbContext db) : IRecordEvents
    {
        public void Add<TEvent>(TEvent integrationEvent) where TEvent : class => db.AddIntegrationEvent(integrationEvent);
    }
}
