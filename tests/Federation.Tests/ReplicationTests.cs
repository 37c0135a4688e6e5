using Kommune20.Federation.Grpc;
using Kommune20.Federation.Replicas;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Federation.Tests;

public sealed class ReplicationTests : IDisposable
{
    readonly ReplicaStore _store = ReplicaStore.InMemory();

    static PushedBatch FromHeidelberg(params Change[] changes) =>
        new(Samples.Heidelberg, Samples.Heidelberg, Permitted: true, changes.Max(c => c.Version), changes);

    /// <summary>The Metropolregion relaying for Heidelberg, with the Registry's consent.</summary>
    static PushedBatch Relayed(params Change[] changes) => RelayedBy(Samples.Metropolregion, changes);

    /// <summary>A network relaying for Heidelberg, with the Registry's consent.</summary>
    static PushedBatch RelayedBy(Guid network, params Change[] changes) =>
        new(network, Samples.Heidelberg, Permitted: true, changes.Max(c => c.Version), changes);

    async Task<Replica?> ReplicaAsync(string originId)
    {
        await using var db = _store.Open();
        return await db.Replicas.SingleOrDefaultAsync(r => r.OriginMemberId == Samples.Heidelberg && r.OriginId == originId);
    }

    [Fact]
    public async Task A_new_practice_is_published_an_edit_updates_it_and_a_tombstone_withdraws_it()
    {
        await _store.PushAsync(FromHeidelberg(Samples.PracticeChange("digitallotsen", 1)));
        await _store.PushAsync(FromHeidelberg(Samples.PracticeChange("digitallotsen", 2, p => p.Title = "Digitallotsinnen und -lotsen")));
        Assert.Equal(2, (await ReplicaAsync("digitallotsen"))!.Version);

        await _store.PushAsync(FromHeidelberg(Samples.Tombstone("digitallotsen", 3)));

        var replica = await ReplicaAsync("digitallotsen");
        Assert.True(replica!.IsWithdrawn);
        Assert.Equal(3, replica.Version);
        Assert.Equal(["PracticePublished", "PracticeUpdated", "PracticeWithdrawn"], await _store.EventsAsync());
    }

    [Fact]
    public async Task Applying_the_same_batch_twice_changes_nothing()
    {
        var batch = FromHeidelberg(Samples.PracticeChange("digitallotsen", 1), Samples.PracticeChange("mash", 2));
        var first = await _store.PushAsync(batch);
        var second = await _store.PushAsync(batch);

        Assert.Equal((2, 0, 2L), (first.Applied, first.Skipped, first.AcknowledgedVersion));
        Assert.Equal((0, 2, 2L), (second.Applied, second.Skipped, second.AcknowledgedVersion));
        Assert.Equal(2, (await _store.EventsAsync()).Count);
    }

    [Fact]
    public async Task A_later_batch_in_the_same_group_commit_supersedes_what_an_earlier_one_added()
    {
        var outcomes = await _store.PushInOneCommitAsync(
            FromHeidelberg(Samples.PracticeChange("digitallotsen", 1)),
            FromHeidelberg(Samples.PracticeChange("digitallotsen", 2, p => p.Title = "Digitallotsinnen und -lotsen")));

        Assert.Equal([1, 1], outcomes.Select(outcome => outcome.Applied));
        await using var db = _store.Open();
        var replica = await db.Replicas.SingleAsync();
        Assert.Equal((2L, "Digitallotsinnen und -lotsen"), (replica.Version, replica.Title));
        Assert.Equal(["PracticePublished", "PracticeUpdated"], await _store.EventsAsync());
    }

    [Fact]
    public async Task An_older_version_arriving_late_is_skipped_even_after_a_withdrawal()
    {
        await _store.PushAsync(Relayed(Samples.Tombstone("digitallotsen", 7)));
        var late = await _store.PushAsync(RelayedBy(Samples.DigihubSuedbaden, Samples.PracticeChange("digitallotsen", 5)));

        Assert.Equal(1, late.Skipped);
        Assert.True((await ReplicaAsync("digitallotsen"))!.IsWithdrawn);
        Assert.Empty(await _store.EventsAsync());
    }

    [Fact]
    public async Task A_malformed_change_is_quarantined_and_reported_without_blocking_the_next()
    {
        var outcome = await _store.PushAsync(FromHeidelberg(
            Samples.PracticeChange("kaputt", 1, p => p.SdgTargets.Add("16.11")),
            Samples.PracticeChange("digitallotsen", 2)));

        Assert.Equal(1, outcome.Applied);
        Assert.Equal(2, outcome.AcknowledgedVersion);
        var rejection = Assert.Single(outcome.Rejections);
        Assert.Equal(("kaputt", "sdgTargets[1]", RejectionCode.InvalidArgument), (rejection.OriginId, rejection.Field, rejection.Code));
        await using var db = _store.Open();
        var quarantined = await db.Quarantine.SingleAsync();
        Assert.Equal(("invalid-argument", "sdgTargets[1]", 1L), (quarantined.Code, quarantined.Field, quarantined.Version));
        Assert.Contains("16.11", quarantined.Payload);
    }

    [Fact]
    public async Task A_later_accepted_version_settles_the_quarantine()
    {
        await _store.PushAsync(FromHeidelberg(Samples.PracticeChange("digitallotsen", 1, p => p.Title = "")));
        await _store.PushAsync(FromHeidelberg(Samples.PracticeChange("digitallotsen", 2)));

        await using var db = _store.Open();
        Assert.NotNull((await db.Quarantine.SingleAsync()).ResolvedAt);
    }

    [Fact]
    public async Task Changes_from_a_caller_without_provenance_are_refused_and_counted_but_not_kept()
    {
        var forged = new PushedBatch(Samples.Pforzheim, Samples.Heidelberg, Permitted: false, 2,
            [Samples.Tombstone("digitallotsen", 1), Samples.PracticeChange("gefaelscht", 2)]);
        var outcome = await _store.PushAsync(forged);
        await _store.PushAsync(forged);

        Assert.Equal((2, 2L), (outcome.Rejections.Count, outcome.AcknowledgedVersion));
        Assert.All(outcome.Rejections, rejection => Assert.Equal(RejectionCode.PermissionDenied, rejection.Code));
        Assert.Null(await ReplicaAsync("digitallotsen"));
        await using var db = _store.Open();
        Assert.Empty(await db.Quarantine.ToListAsync());
        Assert.Empty(await db.Cursors.ToListAsync());
        var counted = await db.Refusals.SingleAsync();
        Assert.Equal((Samples.Pforzheim, Samples.Heidelberg, RefusalCount.NoConsent, 4L), (counted.SourceMemberId, counted.OriginMemberId, counted.Reason, counted.Count));
    }

    [Fact]
    public async Task A_caller_naming_ever_new_origins_has_its_refusals_counted_under_no_origin_beyond_the_bound()
    {
        var origins = Enumerable.Range(0, Replication.MaxRefusedOriginsPerCaller + 5).Select(_ => Guid.NewGuid()).ToList();
        await _store.PushInOneCommitAsync(origins.Take(10).Select(origin => new PushedBatch(Samples.Pforzheim, origin, false, 1, [Samples.PracticeChange("x", 1)])).ToArray());
        foreach (var origin in origins.Skip(10))
            await _store.PushAsync(new PushedBatch(Samples.Pforzheim, origin, Permitted: false, 1, [Samples.PracticeChange("x", 1)]));

        await using var db = _store.Open();
        Assert.Equal(Replication.MaxRefusedOriginsPerCaller + 1, await db.Refusals.CountAsync());
        Assert.Equal(5, (await db.Refusals.SingleAsync(r => r.OriginMemberId == Guid.Empty)).Count);
    }

    [Fact]
    public async Task The_quarantine_keeps_a_bounded_number_per_deliverer_and_origin_dropping_and_counting_the_oldest()
    {
        var broken = Enumerable.Range(1, Replication.MaxQuarantinedPerFeed + 3)
            .Select(version => Samples.PracticeChange($"kaputt-{version}", version, p => p.Title = "")).ToArray();
        await _store.PushAsync(Relayed(Samples.PracticeChange("relais-kaputt", Replication.MaxQuarantinedPerFeed + 4, p => p.Title = "")));
        await _store.PushAsync(FromHeidelberg(broken[..^3]));
        await _store.PushInOneCommitAsync(FromHeidelberg(broken[^3..^1]), FromHeidelberg(broken[^1]));

        await using var db = _store.Open();
        var kept = await db.Quarantine.Where(q => q.SourceMemberId == Samples.Heidelberg).Select(q => q.Version).ToListAsync();
        Assert.Equal(Enumerable.Range(4, Replication.MaxQuarantinedPerFeed).Select(version => (long)version), kept.Order());
        Assert.Equal(1, await db.Quarantine.CountAsync(q => q.SourceMemberId == Samples.Metropolregion));
        var dropped = await db.Refusals.SingleAsync();
        Assert.Equal((Samples.Heidelberg, RefusalCount.QuarantineOverflow, 3L), (dropped.SourceMemberId, dropped.Reason, dropped.Count));
    }

    [Fact]
    public async Task A_cursor_is_kept_per_delivering_source()
    {
        await _store.PushAsync(Relayed(Samples.PracticeChange("digitallotsen", 9)));
        var relayed = await _store.PushAsync(RelayedBy(Samples.DigihubSuedbaden, Samples.PracticeChange("mash", 3)));

        Assert.Equal(3, relayed.AcknowledgedVersion);
        Assert.Equal(1, relayed.Applied);
    }

    [Fact]
    public async Task Reconciling_withdraws_what_the_snapshot_lacks_but_not_what_is_newer_than_it()
    {
        await _store.PushAsync(FromHeidelberg(
            Samples.PracticeChange("digitallotsen", 1), Samples.PracticeChange("veraltet", 2), Samples.PracticeChange("neu", 5)));

        var withdrawn = await _store.ReconcileAsync(Samples.Heidelberg, snapshotVersion: 4, (Contracts.Federation.RecordKind.Practice, "digitallotsen"));

        Assert.Equal(1, withdrawn);
        Assert.True((await ReplicaAsync("veraltet"))!.IsWithdrawn);
        Assert.False((await ReplicaAsync("neu"))!.IsWithdrawn);
        Assert.False((await ReplicaAsync("digitallotsen"))!.IsWithdrawn);
        Assert.Equal("PracticeWithdrawn", (await _store.EventsAsync())[^1]);
    }

    [Fact]
    public async Task A_restored_nodes_resync_withdraws_what_it_delivered_after_its_backup_but_not_what_a_relay_did()
    {
        await _store.PushAsync(Relayed(Samples.PracticeChange("vom-relais", 3)));
        await _store.PushAsync(FromHeidelberg(Samples.PracticeChange("digitallotsen", 1), Samples.PracticeChange("nach-der-sicherung", 2)));

        // The backup ends at version 1; the node found the hub at 2.
        var withdrawn = await _store.ReconcileAsync(Samples.Heidelberg, Samples.Heidelberg,
            new Snapshot(1, LostUpTo: 2, new HashSet<(Contracts.Federation.RecordKind, string)> { (Contracts.Federation.RecordKind.Practice, "digitallotsen") }));

        Assert.Equal(1, withdrawn);
        Assert.True((await ReplicaAsync("nach-der-sicherung"))!.IsWithdrawn);
        Assert.False((await ReplicaAsync("vom-relais"))!.IsWithdrawn);
        await using var db = _store.Open();
        Assert.Equal(1, (await db.Cursors.FindAsync(Samples.Heidelberg, Samples.Heidelberg))!.AcknowledgedVersion);
    }

    [Fact]
    public async Task A_resync_from_a_restored_node_replaces_versions_the_node_no_longer_knows()
    {
        await _store.PushAsync(FromHeidelberg(Samples.PracticeChange("digitallotsen", 8)));

        var resync = new PushedBatch(Samples.Heidelberg, Samples.Heidelberg, true, 9, [Samples.PracticeChange("digitallotsen", 3, p => p.Title = "Digitallotsen (wiederhergestellt)")], IsResync: true);
        await _store.PushAsync(resync);

        var replica = await ReplicaAsync("digitallotsen");
        Assert.Equal(3, replica!.Version);
        Assert.Equal("Digitallotsen (wiederhergestellt)", replica.Title);
    }

    [Fact]
    public async Task Once_the_origins_own_node_delivered_every_relayed_change_is_refused_new_records_too_and_only_counted()
    {
        await _store.PushAsync(FromHeidelberg(Samples.PracticeChange("digitallotsen", 1)));

        var outcome = await _store.PushAsync(Relayed(
            Samples.PracticeChange("digitallotsen", 2, p => p.Title = "Überschrieben"), Samples.Tombstone("digitallotsen", 3),
            Samples.PracticeChange("neu-vom-relais", 4)));

        Assert.Equal((0, 4L, RefusalCount.OwnNode), (outcome.Applied, outcome.AcknowledgedVersion, outcome.RefusedFor));
        Assert.Equal(3, outcome.Rejections.Count);
        Assert.All(outcome.Rejections, rejection => Assert.Equal(RejectionCode.PermissionDenied, rejection.Code));
        Assert.StartsWith("Die Stadt veröffentlicht über ihren eigenen Knoten", outcome.Rejections[0].Reason);
        var replica = await ReplicaAsync("digitallotsen");
        Assert.Equal((1L, "Digitallotsinnen und Digitallotsen", Samples.Heidelberg), (replica!.Version, replica.Title, replica.ReceivedFrom));
        Assert.Null(await ReplicaAsync("neu-vom-relais"));
        await using var db = _store.Open();
        Assert.Empty(await db.Quarantine.ToListAsync());
        Assert.Null(await db.Cursors.FindAsync(Samples.Metropolregion, Samples.Heidelberg));
        var counted = await db.Refusals.SingleAsync();
        Assert.Equal((Samples.Metropolregion, RefusalCount.OwnNode, 3L), (counted.SourceMemberId, counted.Reason, counted.Count));
        Assert.Equal(["PracticePublished"], await _store.EventsAsync());
    }

    [Fact]
    public async Task A_relays_batch_staged_after_the_origins_first_one_in_the_same_commit_is_refused()
    {
        var outcomes = await _store.PushInOneCommitAsync(
            FromHeidelberg(Samples.PracticeChange("digitallotsen", 1)), Relayed(Samples.PracticeChange("neu-vom-relais", 1)));

        Assert.Equal(RefusalCount.OwnNode, outcomes[1].RefusedFor);
        Assert.Null(await ReplicaAsync("neu-vom-relais"));
    }

    [Fact]
    public async Task The_origins_node_taking_over_with_the_same_ids_and_versions_continued_leaves_one_record_each()
    {
        await _store.PushAsync(Relayed(Samples.PracticeChange("digitallotsen", 1), Samples.PracticeChange("mash", 2)));
        Assert.Equal(Samples.Metropolregion, (await ReplicaAsync("digitallotsen"))!.RelayedBy);

        var takeover = await _store.PushAsync(FromHeidelberg(Samples.PracticeChange("digitallotsen", 3, p => p.Title = "Vom eigenen Knoten")));

        Assert.Equal(1, takeover.Applied);
        await using var db = _store.Open();
        var replicas = await db.Replicas.OrderBy(r => r.OriginId).ToListAsync();
        Assert.Equal([("digitallotsen", 3L, (Guid?)null), ("mash", 2L, Samples.Metropolregion)],
            replicas.Select(r => (r.OriginId, r.Version, r.RelayedBy)));
        Assert.Equal(["PracticePublished", "PracticePublished", "PracticeUpdated"], await _store.EventsAsync());
        // The relay's snapshot no longer withdraws what it delivered before the takeover: the member speaks for itself now.
        Assert.Equal(0, await _store.ReconcileAsync(Samples.Metropolregion, Samples.Heidelberg, snapshotVersion: 2));
        Assert.False((await ReplicaAsync("mash"))!.IsWithdrawn);
    }

    [Fact]
    public async Task The_origins_editor_withdraws_a_relayed_record_at_the_hub_and_no_relay_can_bring_it_back()
    {
        await _store.PushAsync(Relayed(Samples.PracticeChange("digitallotsen", 1)));

        Assert.Equal(OriginWithdrawal.Withdrawn, await _store.WithdrawAtHubAsync(Samples.Heidelberg, "digitallotsen"));
        Assert.Equal(OriginWithdrawal.NotFound, await _store.WithdrawAtHubAsync(Samples.Heidelberg, "digitallotsen"));

        var replica = await ReplicaAsync("digitallotsen");
        Assert.Equal((true, 2L, (Guid?)null), (replica!.IsWithdrawn, replica.Version, replica.RelayedBy));
        Assert.Equal(["PracticePublished", "PracticeWithdrawn"], await _store.EventsAsync());
        var revived = await _store.PushAsync(Relayed(Samples.PracticeChange("digitallotsen", 3)));
        Assert.Contains("selbst geliefert oder zurückgezogen", Assert.Single(revived.Rejections).Reason);
        Assert.True((await ReplicaAsync("digitallotsen"))!.IsWithdrawn);
    }

    [Fact]
    public async Task What_the_origins_own_node_delivered_is_not_withdrawn_at_the_hub()
    {
        await _store.PushAsync(FromHeidelberg(Samples.PracticeChange("digitallotsen", 1)));

        Assert.Equal(OriginWithdrawal.OwnNodeRecord, await _store.WithdrawAtHubAsync(Samples.Heidelberg, "digitallotsen"));
        Assert.False((await ReplicaAsync("digitallotsen"))!.IsWithdrawn);
    }

    [Fact]
    public async Task The_origins_own_node_replaces_what_a_relay_delivered_whatever_its_version()
    {
        await _store.PushAsync(Relayed(Samples.PracticeChange("digitallotsen", 9_000, p => p.Title = "Vom Relais eingefroren")));

        var outcome = await _store.PushAsync(FromHeidelberg(Samples.PracticeChange("digitallotsen", 4)));

        Assert.Equal(1, outcome.Applied);
        var replica = await ReplicaAsync("digitallotsen");
        Assert.Equal((4L, "Digitallotsinnen und Digitallotsen", Samples.Heidelberg), (replica!.Version, replica.Title, replica.ReceivedFrom));
        var later = await _store.PushAsync(Relayed(Samples.PracticeChange("digitallotsen", 9_001, p => p.Title = "Wieder vom Relais")));
        Assert.Equal((RejectionCode.PermissionDenied, RefusalCount.OwnNode), (Assert.Single(later.Rejections).Code, later.RefusedFor));
    }

    [Fact]
    public async Task A_version_far_beyond_the_deliverers_cursor_is_refused_and_the_cursor_does_not_move_to_it()
    {
        await _store.PushAsync(FromHeidelberg(Samples.PracticeChange("digitallotsen", 1)));

        var outcome = await _store.PushAsync(FromHeidelberg(
            Samples.PracticeChange("mash", 2), Samples.PracticeChange("digitallotsen", long.MaxValue, p => p.Title = "Eingefroren")));

        var rejection = Assert.Single(outcome.Rejections);
        Assert.Equal((RejectionCode.InvalidArgument, "version"), (rejection.Code, rejection.Field));
        Assert.Equal((1, 2L), (outcome.Applied, outcome.AcknowledgedVersion));
        await _store.PushAsync(FromHeidelberg(Samples.PracticeChange("digitallotsen", 3, p => p.Title = "Später geändert")));
        Assert.Equal((3L, "Später geändert"), ((await ReplicaAsync("digitallotsen"))!.Version, (await ReplicaAsync("digitallotsen"))!.Title));
    }

    [Fact]
    public async Task A_version_within_the_lead_of_the_cursor_is_accepted()
    {
        var outcome = await _store.PushAsync(FromHeidelberg(Samples.PracticeChange("digitallotsen", Replication.MaxVersionLead)));

        Assert.Equal((1, Replication.MaxVersionLead), (outcome.Applied, outcome.AcknowledgedVersion));
    }

    [Fact]
    public async Task A_relays_resync_withdraws_only_what_that_relay_delivered()
    {
        await _store.PushAsync(RelayedBy(Samples.DigihubSuedbaden, Samples.PracticeChange("digitallotsen", 1)));
        await _store.PushAsync(Relayed(Samples.PracticeChange("relais-alt", 1), Samples.PracticeChange("relais-neu", 2)));

        var withdrawn = await _store.ReconcileAsync(Samples.Metropolregion, Samples.Heidelberg, snapshotVersion: 2, (Contracts.Federation.RecordKind.Practice, "relais-neu"));

        Assert.Equal(1, withdrawn);
        Assert.True((await ReplicaAsync("relais-alt"))!.IsWithdrawn);
        Assert.False((await ReplicaAsync("relais-neu"))!.IsWithdrawn);
        Assert.False((await ReplicaAsync("digitallotsen"))!.IsWithdrawn);
    }

    [Fact]
    public async Task A_relays_resync_cannot_replace_what_the_origin_delivered()
    {
        await _store.PushAsync(FromHeidelberg(Samples.PracticeChange("digitallotsen", 8)));

        var outcome = await _store.PushAsync(new PushedBatch(Samples.Metropolregion, Samples.Heidelberg, true, 9,
            [Samples.PracticeChange("digitallotsen", 3, p => p.Title = "Vom Relais")], IsResync: true));

        Assert.Equal(RejectionCode.PermissionDenied, Assert.Single(outcome.Rejections).Code);
        Assert.Equal(8, (await ReplicaAsync("digitallotsen"))!.Version);
    }

    public void Dispose() => _store.Dispose();
}
