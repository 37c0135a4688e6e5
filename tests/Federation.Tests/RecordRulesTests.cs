using Kommune20.Contracts.Federation;

namespace Kommune20.Federation.Tests;

public sealed class RecordRulesTests
{
    [Fact]
    public void The_Digitallotsen_sheet_is_a_well_formed_practice() => Assert.Empty(RecordRules.Validate(Samples.Digitallotsen));

    [Fact]
    public void A_practice_without_title_goal_or_description_names_each_field()
    {
        var errors = RecordRules.Validate(Samples.Digitallotsen with { Title = " ", Goal = "", Description = null! });

        Assert.Equal(["description", "goal", "title"], errors.Keys.Order());
    }

    [Fact]
    public void An_unknown_SDG_target_is_named_by_its_position()
    {
        var errors = RecordRules.Validate(Samples.Digitallotsen with { SdgTargets = ["16.6", "16.11"] });

        var message = Assert.Single(errors, error => error.Key == "sdgTargets[1]").Value.Single();
        Assert.Contains("16.11", message);
    }

    [Fact]
    public void A_link_must_be_a_web_address()
    {
        var errors = RecordRules.Validate(Samples.Digitallotsen with { Links = [new PracticeLink("Projektseite", "www.heidelberg.de")] });

        Assert.Equal(["links[0].url"], errors.Keys);
    }

    [Fact]
    public void The_period_must_be_plausible()
    {
        Assert.Equal(["endYear"], RecordRules.Validate(Samples.Digitallotsen with { StartYear = 2019, EndYear = 2017 }).Keys);
        Assert.Equal(["startYear"], RecordRules.Validate(Samples.Digitallotsen with { StartYear = 19 }).Keys);
    }

    [Fact]
    public void A_contact_needs_role_and_organisation_and_a_valid_email_if_any()
    {
        var errors = RecordRules.Validate(Samples.Digitallotsen with { Contacts = [new PracticeContact("", "Stadt Heidelberg", null, "kein-mail")] });

        Assert.Equal(["contacts[0].email", "contacts[0].role"], errors.Keys.Order());
    }

    [Fact]
    public void Missing_lists_and_an_unknown_visibility_are_named()
    {
        var errors = RecordRules.Validate(Samples.Digitallotsen with { Topics = null!, Visibility = (Visibility)7 });

        Assert.Equal(["topics", "visibility"], errors.Keys.Order());
    }

    [Theory]
    [InlineData("digitallotsen", true)]
    [InlineData("mash-multiplattform", true)]
    [InlineData("Digitallotsen", false)]
    [InlineData("-lotsen", false)]
    [InlineData("lotsen/2", false)]
    [InlineData("", false)]
    public void An_origin_id_is_a_lower_case_slug(string id, bool valid) => Assert.Equal(valid, RecordRules.OriginIdProblem(id) is null);

    [Theory]
    [InlineData("reallabore-heilbronn", true)]
    [InlineData("ar-pforzheim-1945", true)]
    [InlineData("ab", false)]
    [InlineData("Reallabore-Heilbronn", false)]
    [InlineData("reallabore--heilbronn", false)]
    [InlineData("reallabore-", false)]
    [InlineData("reallabore heilbronn", false)]
    public void A_transfer_reports_source_project_is_named_by_a_project_key(string key, bool valid)
    {
        var errors = RecordRules.Validate(Samples.Digitallotsen with { SourceProjectKey = key });

        Assert.Equal(valid ? [] : ["sourceProjectKey"], errors.Keys);
    }

    [Fact]
    public void A_project_key_has_at_most_sixty_characters() =>
        Assert.NotNull(RecordRules.ProjectKeyProblem(new string('a', RecordRules.MaxProjectKeyLength + 1)));

    [Fact]
    public void A_practice_that_reports_on_no_project_is_well_formed_without_a_key() =>
        Assert.Empty(RecordRules.Validate(Samples.Digitallotsen with { SourceProjectKey = null }));

    [Fact]
    public void A_project_update_needs_a_project_key_title_and_text()
    {
        var errors = RecordRules.Validate(new ProjectUpdateRecord("Reallabore Heilbronn", "", "Vernissage Digital", null, Visibility.Public));

        Assert.Equal(["projectKey", "title"], errors.Keys.Order());
    }

    [Fact]
    public void A_profile_needs_its_organisation_and_complete_milestones()
    {
        var errors = RecordRules.Validate(new CityProfileRecord("", [new CityMilestone("Juni 2017", "")], null, null, [], [], Visibility.Public));

        Assert.Equal(["milestones[0].what", "organisation"], errors.Keys.Order());
    }

    [Fact]
    public void A_city_event_needs_a_title_a_start_before_its_end_and_a_place_or_online_address()
    {
        var start = new DateTimeOffset(2027, 3, 11, 17, 0, 0, TimeSpan.Zero);
        var errors = RecordRules.Validate(new CityEventRecord(" ", null, start, start.AddHours(-1), null, " ", "www.heidelberg.de", false, Visibility.Public));

        Assert.Equal(["endsAt", "link", "place", "title"], errors.Keys.Order());
    }

    [Fact]
    public void A_city_event_without_times_names_both_and_one_of_many_weeks_is_refused()
    {
        var start = new DateTimeOffset(2027, 3, 11, 17, 0, 0, TimeSpan.Zero);
        Assert.Equal(["endsAt", "startsAt"],
            RecordRules.Validate(new CityEventRecord("Forum Digitale Stadt", null, default, default, "Heidelberg", null, null, false, Visibility.Public)).Keys.Order());
        Assert.Equal(["endsAt"],
            RecordRules.Validate(new CityEventRecord("Forum Digitale Stadt", null, start, start.AddDays(40), "Heidelberg", null, null, false, Visibility.Public)).Keys);
        Assert.Empty(RecordRules.Validate(new CityEventRecord("Forum Digitale Stadt", null, start, start.AddHours(3), null, "https://meet.example.org/forum", null, false, Visibility.Network)));
    }
}
