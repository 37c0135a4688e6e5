using Kommune20.Contracts.Federation;
using Kommune20.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Federation.Replicas;

/// <summary>The integration event an applied change announces, staged in the outbox of the same SaveChanges.</summary>
public static class ReplicaAnnouncements
{
    /// <param name="wasLive">Whether the replica was published (not withdrawn) before this change.</param>
    public static void Announce(DbContext db, RecordOrigin origin, RecordKind kind, object? record, bool wasLive)
    {
        switch (record)
        {
            case PracticeRecord practice when wasLive:
                db.AddIntegrationEvent(new PracticeUpdated(origin, practice));
                break;
            case PracticeRecord practice:
                db.AddIntegrationEvent(new PracticePublished(origin, practice));
                break;
            case CityProfileRecord profile:
                db.AddIntegrationEvent(new CityProfileUpdated(origin, profile));
                break;
            case ProjectUpdateRecord update:
                db.AddIntegrationEvent(new ProjectUpdatePosted(origin, update));
                break;
            case null when wasLive:
                AnnounceWithdrawal(db, origin, kind);
                break;
        }
    }

    static void AnnounceWithdrawal(DbContext db, RecordOrigin origin, RecordKind kind)
    {
        switch (kind)
        {
            case RecordKind.Practice:
                db.AddIntegrationEvent(new PracticeWithdrawn(origin));
                break;
            case RecordKind.CityProfile:
                db.AddIntegrationEvent(new CityProfileWithdrawn(origin));
                break;
            case RecordKind.ProjectUpdate:
                db.AddIntegrationEvent(new ProjectUpdateWithdrawn(origin));
                break;
        }
    }
}
