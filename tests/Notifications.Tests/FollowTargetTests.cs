using Kommune20.Notifications.Notices;
using Kommune20.Notifications.Subscriptions;

namespace Kommune20.Notifications.Tests;

public class FollowTargetTests
{
    static readonly Guid Heilbronn = Guid.Parse("6b0e2f1a-0005-4c20-9a20-000000000005");
    static readonly Guid Heidelberg = Guid.Parse("6b0e2f1a-0002-4c20-9a20-000000000002");

    static Notice Practice(Guid city, string state, params string[] topics) => new()
    {
        Subject = "practices/" + Guid.NewGuid(),
        MemberIds = [city],
        Topics = [.. topics],
        SdgTargets = ["11.3"],
        FederalStates = [state],
    };

    [Fact]
    public void A_project_follower_hears_of_that_project_only()
    {
        var follows = new FollowTarget { Kind = FollowKind.Project, ProjectKey = "reallabore-heilbronn" };

        Assert.True(follows.Matches(new Notice { ProjectKey = "reallabore-heilbronn" }));
        Assert.False(follows.Matches(new Notice { ProjectKey = "mash-heidelberg" }));
        Assert.False(follows.Matches(Practice(Heilbronn, "Baden-Württemberg", "Bildung")));
    }

    [Fact]
    public void A_member_follower_hears_of_everything_the_member_is_named_in()
    {
        var follows = new FollowTarget { Kind = FollowKind.Member, MemberId = Heilbronn };

        Assert.True(follows.Matches(Practice(Heilbronn, "Baden-Württemberg")));
        Assert.True(follows.Matches(new Notice { ProjectKey = "reallabore-heilbronn", MemberIds = [Heilbronn] }));
        Assert.False(follows.Matches(Practice(Heidelberg, "Baden-Württemberg")));
    }

    [Fact]
    public void Topics_match_without_regard_to_case()
    {
        var follows = new FollowTarget { Kind = FollowKind.Topic, Topic = "digitale bildung" };

        Assert.True(follows.Matches(Practice(Heilbronn, "Baden-Württemberg", "Digitale Bildung")));
        Assert.False(follows.Matches(Practice(Heilbronn, "Baden-Württemberg", "Mobilität")));
    }

    [Fact]
    public void A_library_filter_needs_every_criterion_it_names_and_only_practices()
    {
        var follows = new FollowTarget { Kind = FollowKind.Practices, Topic = "Bildung", FederalState = "Baden-Württemberg", SdgTarget = "11.3" };

        Assert.True(follows.Matches(Practice(Heilbronn, "Baden-Württemberg", "Bildung")));
        Assert.False(follows.Matches(Practice(Heilbronn, "Bayern", "Bildung")));
        Assert.False(follows.Matches(Practice(Heilbronn, "Baden-Württemberg", "Mobilität")));
        Assert.False(follows.Matches(new Notice { Subject = "projects/x/updates/1", Topics = ["Bildung"], FederalStates = ["Baden-Württemberg"] }));
    }

    [Fact]
    public void The_calendar_follower_hears_of_calendar_entries_only()
    {
        var follows = new FollowTarget { Kind = FollowKind.Calendar };

        Assert.True(follows.Matches(new Notice { OnCalendar = true }));
        Assert.False(follows.Matches(Practice(Heilbronn, "Baden-Württemberg")));
    }
}
