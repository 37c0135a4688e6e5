using Kommune20.Registry.Members;

namespace Kommune20.Registry.Tests;

public class MemberRulesTests
{
    static MemberInput Heidelberg => new(MemberKind.City, "Heidelberg", "08221000", null, "https://www.heidelberg.de", new DateOnly(2017, 2, 1), null, null);

    [Fact]
    public void A_city_with_a_valid_AGS_passes_and_gets_its_federal_state_from_the_key()
    {
        Assert.Empty(MemberRules.Validate(Heidelberg));

        var member = new Member { Name = "" };
        MemberRules.Apply(Heidelberg, member, DateTimeOffset.UnixEpoch);
        Assert.Equal("Baden-Württemberg", member.FederalState);
        Assert.Equal(MemberStatus.Active, member.Status);
        Assert.True(member.MayVote);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Cities_and_counties_need_an_AGS(string? ags)
    {
        Assert.Contains("ags", MemberRules.Validate(Heidelberg with { Ags = ags }).Keys);
        Assert.Contains("ags", MemberRules.Validate(Heidelberg with { Kind = MemberKind.County, Ags = ags }).Keys);
        Assert.DoesNotContain("ags", MemberRules.Validate(Heidelberg with { Kind = MemberKind.Region, Ags = ags }).Keys);
    }

    [Theory]
    [InlineData("0822100")]
    [InlineData("082210000")]
    [InlineData("0822100A")]
    [InlineData("17221000")]
    [InlineData("00221000")]
    public void Malformed_AGS_are_refused(string ags) =>
        Assert.Contains("ags", MemberRules.Validate(Heidelberg with { Ags = ags }).Keys);

    [Fact]
    public void The_AGS_must_belong_to_the_federal_state_given()
    {
        var errors = MemberRules.Validate(Heidelberg with { FederalState = "Bayern" });
        Assert.Contains("Baden-Württemberg", Assert.Single(errors["ags"]));
        Assert.Empty(MemberRules.Validate(Heidelberg with { FederalState = "08" }));
    }

    [Fact]
    public void Unknown_federal_states_are_named()
    {
        Assert.Contains("federalState", MemberRules.Validate(Heidelberg with { Ags = null, Kind = MemberKind.Region, FederalState = "Baden" }).Keys);
    }

    [Fact]
    public void Partner_institutions_never_vote()
    {
        var partner = new MemberInput(MemberKind.PartnerInstitution, "Fraunhofer IESE", null, "Rheinland-Pfalz", null, null, null, true);
        Assert.Contains("hasVotingRight", MemberRules.Validate(partner).Keys);

        var member = new Member { Name = "" };
        MemberRules.Apply(partner with { HasVotingRight = null }, member, DateTimeOffset.UnixEpoch);
        Assert.False(member.HasVotingRight);
        Assert.False(member.MayVote);
    }

    [Theory]
    [InlineData(MemberStatus.Suspended)]
    [InlineData(MemberStatus.Left)]
    public void Suspended_or_departed_members_may_not_vote(MemberStatus status)
    {
        var member = new Member { Name = "" };
        MemberRules.Apply(Heidelberg with { Status = status }, member, DateTimeOffset.UnixEpoch);
        Assert.True(member.HasVotingRight);
        Assert.False(member.MayVote);
    }

    [Fact]
    public void Name_kind_website_and_join_date_are_checked()
    {
        var errors = MemberRules.Validate(new MemberInput(null, " ", null, null, "heidelberg.de", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)), null, null));
        Assert.Equal(["kind", "memberSince", "name", "website"], errors.Keys.Order());
    }

    [Fact]
    public void Sort_keys_fold_umlauts_so_the_directory_orders_like_a_German_reader_expects()
    {
        Assert.Equal("suedbaden", Member.SortKeyOf("Südbaden"));
        Assert.Equal("freiburg_gestalten", Member.SortKeyOf("#freiburg_gestalten"));
    }
}
