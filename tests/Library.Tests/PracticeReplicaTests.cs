using Kommune20.Contracts.Federation;
using Kommune20.Contracts.Library;
using Kommune20.Library.Practices;
using Kommune20.Testing;

namespace Kommune20.Library.Tests;

/// <summary>The replica follows its origin: newer versions apply, repeated and older ones are ignored, withdrawals stick.</summary>
public sealed class PracticeReplicaTests
{
    static Practice Published(long version)
    {
        var origin = PracticeSamples.Origin(PracticeSamples.Heidelberg, "digitallotsen", version);
        var practice = Practice.From(origin);
        Assert.True(practice.Apply(origin, PracticeSamples.Digitallotsen()));
        return practice;
    }

    [Fact]
    public void A_practice_has_the_same_id_in_every_library_and_another_origin_another()
    {
        var heidelberg = Practice.From(PracticeSamples.Origin(PracticeSamples.Heidelberg, "digitallotsen", 1));

        Assert.Equal(heidelberg.Id, Practice.From(PracticeSamples.Origin(PracticeSamples.Heidelberg, "digitallotsen", 7)).Id);
        Assert.Equal(heidelberg.Id, LibraryPracticeId.Of(PracticeSamples.Heidelberg, "digitallotsen"));
        Assert.NotEqual(heidelberg.Id, Practice.From(PracticeSamples.Origin(PracticeSamples.Heidelberg, "digitallotsen-pforzheim", 1)).Id);
        Assert.NotEqual(heidelberg.Id, LibraryPracticeId.Of(Guid.NewGuid(), "digitallotsen"));
        Assert.Equal(8, heidelberg.Id.Version);
    }

    [Fact]
    public void A_newer_version_replaces_the_record_and_asks_for_reindexing()
    {
        var practice = Published(1);
        var revision = practice.Revision;

        Assert.True(practice.Apply(PracticeSamples.Origin(PracticeSamples.Heidelberg, "digitallotsen", 2),
            PracticeSamples.Digitallotsen() with { Title = "Digitallotsen 2.0" }));

        Assert.Equal(2, practice.Version);
        Assert.Equal("Digitallotsen 2.0", practice.Record!.Title);
        Assert.True(practice.Revision > revision);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void A_repeated_or_older_version_is_ignored(long version)
    {
        var practice = Published(1);
        var revision = practice.Revision;

        Assert.False(practice.Apply(PracticeSamples.Origin(PracticeSamples.Heidelberg, "digitallotsen", version),
            PracticeSamples.Digitallotsen() with { Title = "alt" }));

        Assert.Equal("Digitallotsinnen und Digitallotsen", practice.Record!.Title);
        Assert.Equal(revision, practice.Revision);
    }

    [Fact]
    public void A_withdrawal_unlists_and_only_a_newer_version_brings_it_back()
    {
        var practice = Published(3);
        Assert.True(practice.Withdraw(PracticeSamples.Origin(PracticeSamples.Heidelberg, "digitallotsen", 3)));
        Assert.False(practice.IsListed);

        Assert.False(practice.Apply(PracticeSamples.Origin(PracticeSamples.Heidelberg, "digitallotsen", 3), PracticeSamples.Digitallotsen()));
        Assert.False(practice.IsListed);

        Assert.True(practice.Apply(PracticeSamples.Origin(PracticeSamples.Heidelberg, "digitallotsen", 4), PracticeSamples.Digitallotsen()));
        Assert.True(practice.IsListed);
    }

    [Fact]
    public void A_withdrawal_older_than_the_record_is_ignored()
    {
        var practice = Published(5);
        Assert.False(practice.Withdraw(PracticeSamples.Origin(PracticeSamples.Heidelberg, "digitallotsen", 4)));
        Assert.True(practice.IsListed);
    }

    [Fact]
    public void A_withdrawal_that_overtook_the_record_keeps_the_record_out()
    {
        var tombstone = Practice.From(PracticeSamples.Origin(PracticeSamples.Heidelberg, "digitallotsen", 2));
        Assert.True(tombstone.Withdraw(PracticeSamples.Origin(PracticeSamples.Heidelberg, "digitallotsen", 2)));

        Assert.False(tombstone.Apply(PracticeSamples.Origin(PracticeSamples.Heidelberg, "digitallotsen", 1), PracticeSamples.Digitallotsen()));
        Assert.False(tombstone.IsListed);
    }

    [Fact]
    public void A_bulk_item_gets_the_canonical_form_the_hub_gives_a_pushed_practice()
    {
        var item = PracticeRules.Canonical(new PracticePublished(PracticeSamples.Origin(PracticeSamples.Heidelberg, "digitallotsen"),
            PracticeSamples.Digitallotsen() with { SdgTargets = ["16.6", " 16.A ", "16.6"], Topics = [" Verwaltung ", "Verwaltung"] }))!;

        Assert.Equal(["16.6", "16.a"], item.Practice.SdgTargets);
        Assert.Equal(["Verwaltung"], item.Practice.Topics);
        Assert.Equal(item.Practice.SdgTargets, RecordDescriptors.Practice.Normalize(item.Practice).SdgTargets);
    }

    [Fact]
    public void A_bulk_item_is_checked_with_the_federation_rules_and_named_by_its_path()
    {
        var errors = new Dictionary<string, string[]>();
        PracticeRules.Validate(PracticeSamples.Origin(PracticeSamples.Heidelberg, "Digital Lotsen"),
            PracticeSamples.Digitallotsen() with { SdgTargets = ["16.66"] }, "[3].", errors);
        Assert.Equal(["[3].origin.originId", "[3].practice.sdgTargets[0]"], errors.Keys.Order());
    }
}
