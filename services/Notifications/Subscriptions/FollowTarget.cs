using Kommune20.Notifications.Notices;

namespace Kommune20.Notifications.Subscriptions;

/// <summary>
/// What a subscription follows: a project (by key), a member (its projects' updates, practices and events), a topic, an SDG
/// target, the network calendar, or the library under a filter (any of topic, SDG target, city, federal state; all that are
/// given must hold).
/// </summary>
public sealed class FollowTarget
{
    public FollowKind Kind { get; set; }
    public string? ProjectKey { get; set; }
    public Guid? MemberId { get; set; }
    public string? Topic { get; set; }
    public string? SdgTarget { get; set; }
    public string? FederalState { get; set; }

    public bool Matches(Notice notice) => Kind switch
    {
        FollowKind.Project => notice.ProjectKey == ProjectKey,
        FollowKind.Member => MemberId is { } member && notice.MemberIds.Contains(member),
        FollowKind.Topic => notice.Topics.Contains(Topic!, StringComparer.OrdinalIgnoreCase),
        FollowKind.SdgTarget => notice.SdgTargets.Contains(SdgTarget!),
        FollowKind.Calendar => notice.OnCalendar,
        FollowKind.Practices => notice.Subject.StartsWith(PracticeSubjects, StringComparison.Ordinal)
            && (Topic is null || notice.Topics.Contains(Topic, StringComparer.OrdinalIgnoreCase))
            && (SdgTarget is null || notice.SdgTargets.Contains(SdgTarget))
            && (MemberId is not { } city || notice.MemberIds.Contains(city))
            && (FederalState is null || notice.FederalStates.Contains(FederalState, StringComparer.OrdinalIgnoreCase)),
        _ => false,
    };

    const string PracticeSubjects = "practices/";
}

public enum FollowKind
{
    Project,
    Member,
    Topic,
    SdgTarget,
    Calendar,
    Practices,
}
