using Kommune20.Contracts.Federation;
using Kommune20.Data.Replicas;
using Kommune20.Library.Data;
using Kommune20.Library.Search;

namespace Kommune20.Library.Practices;

/// <summary>
/// Applies what the federation announces to the library's replicas: newer versions replace older ones, repeated and
/// out-of-order ones are ignored, withdrawals leave tombstones. The search index follows the committed state. Records
/// are kept as they arrive: the hub's events carry them in their canonical form (<see cref="RecordDescriptors"/>).
/// </summary>
public sealed class PracticeReplicas(LibraryDb db, PracticeIndexSignal indexSignal, ILogger<PracticeReplicas> logger)
{
    public async Task WithdrawAsync(RecordOrigin origin, CancellationToken cancellationToken)
    {
        var practice = await db.Practices.FindOrAddAsync(origin, Practice.From, cancellationToken);
        if (practice.WithdrawOrIgnore(origin, "practice", logger))
            practice.RelayedBy = origin.RelayedBy;
        await db.SaveChangesAsync(cancellationToken);
        indexSignal.Notify();
    }

    /// <summary>
    /// Applies published or updated versions in one transaction (a batch of the federation's events, the office's bulk
    /// load), each unless the library already holds it or a newer one; returns how many were newer.
    /// </summary>
    public async Task<int> ApplyManyAsync(IReadOnlyList<(RecordOrigin Origin, PracticeRecord Record)> versions, CancellationToken cancellationToken)
    {
        var batch = await ReplicaBatch<Practice>.ReadAsync(db.Practices, versions.Select(version => version.Origin), cancellationToken);
        var applied = 0;
        foreach (var (origin, record) in versions)
        {
            if (Stage(batch.FindOrAdd(origin, Practice.From), origin, record))
                applied++;
        }
        await db.SaveChangesAsync(cancellationToken);
        indexSignal.Notify();
        return applied;
    }

    bool Stage(Practice practice, RecordOrigin origin, PracticeRecord record)
    {
        if (practice.ApplyOrIgnore(origin, record, "practice", logger))
        {
            practice.RelayedBy = origin.RelayedBy;
            return true;
        }
        // A town's own node taking its records over from a network delivers the versions the library holds: only who
        // publishes them changes.
        if (origin.Version == practice.Version && practice.IsListed && practice.RelayedBy != origin.RelayedBy)
        {
            practice.RelayedBy = origin.RelayedBy;
            practice.Touch();
        }
        return false;
    }
}
