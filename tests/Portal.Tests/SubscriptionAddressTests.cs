using Kommune20.Portal.Library;
using Kommune20.Portal.Notifications;
using Kommune20.Portal.Registry;

namespace Kommune20.Portal.Tests;

/// <summary>
/// "Folgen" leads to /abonnements/neu with what is followed in its address; the page reads it back into the subscription the
/// Notifications API takes, and a library search becomes a subscription to its new practices.
/// </summary>
public sealed class SubscriptionAddressTests
{
    static readonly Guid Heidelberg = Guid.Parse("6b0e2f1a-0002-4c20-9a20-000000000002");

    static readonly Member[] Members =
    [
        new(Heidelberg, "city", "Heidelberg", "08221000", "Baden-Württemberg", null, null, "active", true, true, DateTimeOffset.UnixEpoch),
    ];

    static PracticeFilter Search(params (string Parameter, string Value)[] chosen) =>
        PracticeFilter.FromAddress("Digitallotsinnen", parameter => chosen.Where(c => c.Parameter == parameter).Select(c => c.Value).ToList(), page: null);

    [Fact]
    public void A_project_is_followed_by_its_key_and_read_back_from_the_address()
    {
        var project = new Following(Following.ProjectKind, ProjectKey: "reallabore-heilbronn");

        Assert.Equal("/abonnements/neu?follows=project&projectKey=reallabore-heilbronn", project.Href);
        Assert.Equal(project, Following.FromAddress("project", "reallabore-heilbronn", null, null, null, null));
    }

    [Fact]
    public void The_kind_is_read_in_any_case_and_only_the_values_it_uses_are_kept()
    {
        var read = Following.FromAddress(" SDGTARGET ", "reallabore-heilbronn", Heidelberg.ToString(), "Bildung", " 4.1 ", "Bayern");

        Assert.Equal(new Following(Following.SdgTargetKind, SdgTarget: "4.1"), read);
        Assert.Equal(new Following(Following.CalendarKind), Following.FromAddress("calendar", "x", null, "Bildung", null, null));
        Assert.Equal(new Following(Following.MemberKind, MemberId: Heidelberg), Following.FromAddress("member", null, Heidelberg.ToString(), "Bildung", null, null));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("projekt", null)]
    [InlineData("member", "Heidelberg")]
    [InlineData("practices", "6b0e2f1a")]
    public void An_unknown_kind_or_a_member_id_that_is_none_follows_nothing(string? follows, string? memberId) =>
        Assert.Null(Following.FromAddress(follows, null, memberId, null, null, null));

    [Fact]
    public void A_library_filter_keeps_every_value_it_was_given()
    {
        var filter = new Following(Following.PracticesKind, MemberId: Heidelberg, Topic: "Bildung", SdgTarget: "4.1", FederalState: "Baden-Württemberg");

        Assert.Equal(
            $"/abonnements/neu?follows=practices&memberId={Heidelberg}&topic=Bildung&sdgTarget=4.1&federalState=Baden-W%C3%BCrttemberg", filter.Href);
        Assert.Equal(filter, Following.FromAddress("practices", null, Heidelberg.ToString(), "Bildung", "4.1", "Baden-Württemberg"));
    }

    [Fact]
    public void The_channel_completes_the_subscription_the_API_takes()
    {
        var project = new Following(Following.ProjectKind, ProjectKey: "reallabore-heilbronn");

        Assert.Equal(new SubscriptionInput("project", "reallabore-heilbronn", null, null, null, null, "webhook", "https://iese.example/hook", null, null),
            project.Webhook("https://iese.example/hook"));
        Assert.Equal(new SubscriptionInput("project", "reallabore-heilbronn", null, null, null, null, "email", null, "info@iese.example", "weekly"),
            project.Email("info@iese.example", "weekly"));
    }

    [Fact]
    public void A_search_follows_its_topic_SDG_target_state_and_city_as_the_member_of_that_name()
    {
        var search = Search(("thema", "Bildung"), ("sdg", "4.1"), ("stadt", "Heidelberg"), ("land", "Baden-Württemberg"), ("netzwerk", "Metropolregion Rhein-Neckar"));

        Assert.Equal("Heidelberg", Following.NamedCity(search));
        Assert.Null(Following.NamedCity(Search(("stadt", "Heidelberg"), ("stadt", "Mannheim"))));
        Assert.Equal(new Following(Following.PracticesKind, MemberId: Heidelberg, Topic: "Bildung", SdgTarget: "4.1", FederalState: "Baden-Württemberg"),
            Following.FromPractices(search, Members));
    }

    [Fact]
    public void A_search_without_facets_follows_every_new_practice() =>
        Assert.Equal(new Following(Following.PracticesKind), Following.FromPractices(Search(), []));

    [Fact]
    public void A_search_with_two_topics_or_a_city_that_is_no_member_cannot_be_followed()
    {
        Assert.Null(Following.FromPractices(Search(("thema", "Bildung"), ("thema", "Verwaltung")), Members));
        Assert.Null(Following.FromPractices(Search(("stadt", "Atlantis")), Members));
    }

    [Fact]
    public void What_is_followed_is_said_in_German_with_the_names_behind_keys_and_ids()
    {
        var names = new FollowedNames(new Dictionary<string, string> { ["reallabore-heilbronn"] = "Reallabore Digitale Stadt Heilbronn" },
            new Dictionary<Guid, string> { [Heidelberg] = "Heidelberg" });

        Assert.Equal("Projekt „Reallabore Digitale Stadt Heilbronn“",
            SubscriptionWords.Followed(new Following(Following.ProjectKind, ProjectKey: "reallabore-heilbronn"), names));
        Assert.Equal("Mitglied Heidelberg", SubscriptionWords.Followed(new Following(Following.MemberKind, MemberId: Heidelberg), names));
        Assert.Equal("Neue Praxisbeispiele: Thema „Bildung“, aus Heidelberg",
            SubscriptionWords.Followed(new Following(Following.PracticesKind, MemberId: Heidelberg, Topic: "Bildung"), names));
        Assert.Equal("Alle neuen Praxisbeispiele", SubscriptionWords.Followed(new Following(Following.PracticesKind), names));
        Assert.True(names.Knows(new Following(Following.ProjectKind, ProjectKey: "reallabore-heilbronn")));
        Assert.False(names.Knows(new Following(Following.ProjectKind, ProjectKey: "gibt-es-nicht")));
    }
}
