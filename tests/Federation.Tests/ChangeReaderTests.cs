using Kommune20.Contracts.Federation;
using Kommune20.Federation.Grpc;
using Kommune20.Federation.Replicas;

namespace Kommune20.Federation.Tests;

public sealed class ChangeReaderTests
{
    [Fact]
    public void A_well_formed_practice_becomes_the_contract_record()
    {
        var (change, rejection) = ChangeReader.Read(Samples.PracticeChange("digitallotsen", 1));

        Assert.Null(rejection);
        var practice = Assert.IsType<PracticeRecord>(change!.Record);
        Assert.Equal(RecordKind.Practice, change.Kind);
        Assert.Equal("Digitallotsinnen und Digitallotsen", practice.Title);
        Assert.Equal(["16.6"], practice.SdgTargets);
        Assert.True(practice.IsOngoing);
        Assert.Null(practice.Contacts.Single().Email);
    }

    [Fact]
    public void The_project_a_transfer_report_names_is_read_and_an_older_nodes_practice_names_none()
    {
        var (named, _) = ChangeReader.Read(Samples.PracticeChange("transferbericht", 2, practice => practice.SourceProjectKey = "reallabore-heilbronn"));
        var (plain, _) = ChangeReader.Read(Samples.PracticeChange("digitallotsen", 1));

        Assert.Equal("reallabore-heilbronn", Assert.IsType<PracticeRecord>(named!.Record).SourceProjectKey);
        Assert.Null(Assert.IsType<PracticeRecord>(plain!.Record).SourceProjectKey);
    }

    [Fact]
    public void A_malformed_practice_is_rejected_as_invalid_argument_naming_the_field()
    {
        var (change, rejection) = ChangeReader.Read(Samples.PracticeChange("digitallotsen", 4, practice => practice.SdgTargets.Add("16.11")));

        Assert.Null(change);
        Assert.Equal(RejectionCode.InvalidArgument, rejection!.Code);
        Assert.Equal("sdgTargets[1]", rejection.Field);
        Assert.Equal(4, rejection.Version);
        Assert.Equal(RecordKindCode.Practice, rejection.Kind);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("visibility")]
    [InlineData("originId")]
    [InlineData("version")]
    public void Each_missing_part_is_named(string field)
    {
        var message = Samples.PracticeChange("digitallotsen", 3, practice =>
        {
            if (field == "title")
                practice.Title = "";
            if (field == "visibility")
                practice.Visibility = Grpc.Visibility.Unspecified;
        });
        if (field == "originId")
            message.OriginId = "Digitallotsen!";
        if (field == "version")
            message.Version = 0;

        var (_, rejection) = ChangeReader.Read(message);

        Assert.Equal(field, rejection!.Field);
    }

    [Fact]
    public void A_tombstone_must_say_what_kind_of_record_it_withdraws()
    {
        var tombstone = Samples.Tombstone("digitallotsen", 5);
        Assert.True(ChangeReader.Read(tombstone).Change!.IsTombstone);

        tombstone.Tombstone.Kind = RecordKindCode.Unspecified;
        Assert.Equal("tombstone.kind", ChangeReader.Read(tombstone).Rejection!.Field);
    }

    [Fact]
    public void A_project_update_with_a_malformed_date_is_rejected()
    {
        var change = new Change
        {
            OriginId = "vernissage-digital",
            Version = 2,
            ChangedAt = Samples.PracticeChange("x", 1).ChangedAt,
            ProjectUpdate = new ProjectUpdate { ProjectKey = "reallabore-heilbronn", Title = "Vernissage Digital", Text = "Zwischenergebnisse", HappenedOn = "2019-13-01", Visibility = Grpc.Visibility.Public },
        };

        Assert.Equal("happenedOn", ChangeReader.Read(change).Rejection!.Field);
    }
}
