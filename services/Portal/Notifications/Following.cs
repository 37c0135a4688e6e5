using Kommune20.Portal.Library;
using Kommune20.Portal.Registry;
using Kommune20.WebUi;

namespace Kommune20.Portal.Notifications;

/// <summary>
/// What a subscription follows, in the Notifications API's words: a project (<c>projectKey</c>), a member (<c>memberId</c>), a
/// topic, an SDG target, the network calendar, or the practices of the library under a filter (any of topic, SDG target,
/// city as <c>memberId</c>, federal state). It travels in the address of the page that subscribes
/// (<c>/abonnements/neu?follows=project&amp;projectKey=reallabore-heilbronn</c>), where the "Folgen" links lead.
/// </summary>
public sealed record Following(string Follows, string? ProjectKey = null, Guid? MemberId = null, string? Topic = null, string? SdgTarget = null,
    string? FederalState = null)
{
    public const string ProjectKind = "project";
    public const string MemberKind = "member";
    public const string TopicKind = "topic";
    public const string SdgTargetKind = "sdgTarget";
    public const string CalendarKind = "calendar";
    public const string PracticesKind = "practices";

    static readonly string[] Kinds = [ProjectKind, MemberKind, TopicKind, SdgTargetKind, CalendarKind, PracticesKind];

    public const string NewPath = "/abonnements/neu";

    /// <summary>The page that subscribes to this, with what is followed in its address.</summary>
    public string Href => NewPath + Query.Build(("follows", Follows), ("projectKey", ProjectKey), ("memberId", MemberId?.ToString()),
        ("topic", Topic), ("sdgTarget", SdgTarget), ("federalState", FederalState));

    /// <summary>
    /// Reads the address of the subscribing page: the kind in any case, and of the other values only those the kind uses (a
    /// project's page passes its key, not a topic). Null when the kind is unknown or the member id is not one.
    /// </summary>
    public static Following? FromAddress(string? follows, string? projectKey, string? memberId, string? topic, string? sdgTarget, string? federalState)
    {
        var kind = Kinds.FirstOrDefault(k => string.Equals(k, follows?.Trim(), StringComparison.OrdinalIgnoreCase));
        Guid? member = null;
        if (Given(memberId) is { } id)
        {
            if (!Guid.TryParse(id, out var parsed))
                return null;
            member = parsed;
        }
        return kind switch
        {
            ProjectKind => new Following(kind, ProjectKey: Given(projectKey)),
            MemberKind => new Following(kind, MemberId: member),
            TopicKind => new Following(kind, Topic: Given(topic)),
            SdgTargetKind => new Following(kind, SdgTarget: Given(sdgTarget)),
            CalendarKind => new Following(kind),
            PracticesKind => new Following(kind, MemberId: member, Topic: Given(topic), SdgTarget: Given(sdgTarget), FederalState: Given(federalState)),
            _ => null,
        };
    }

    /// <summary>
    /// The library's search as a subscription to its new practices: its topic, SDG target, city (by the member of that name) and
    /// federal state, each when one is chosen. Null when a facet has several values or the city is no member: a subscription
    /// follows one value of each. The search text and the other facets are not followed.
    /// </summary>
    public static Following? FromPractices(PracticeFilter filter, IReadOnlyList<Member> members)
    {
        if (!Single(filter, "topic", out var topic) || !Single(filter, "sdg", out var sdg) || !Single(filter, "city", out var city)
            || !Single(filter, "state", out var state))
            return null;
        Guid? member = null;
        if (city is not null)
        {
            if (members.FirstOrDefault(m => string.Equals(m.Name, city, StringComparison.OrdinalIgnoreCase)) is not { } found)
                return null;
            member = found.Id;
        }
        return new Following(PracticesKind, MemberId: member, Topic: topic, SdgTarget: sdg, FederalState: state);
    }

    /// <summary>The city a search chose, whose member must be looked up before <see cref="FromPractices"/>; null when it chose none or several.</summary>
    public static string? NamedCity(PracticeFilter filter) => filter.Chosen.GetValueOrDefault("city") is [var city] ? city : null;

    public SubscriptionInput Webhook(string? url) => Input(Subscription.WebhookChannel, url, null, null);

    /// <param name="frequency"><c>daily</c> or <c>weekly</c>.</param>
    public SubscriptionInput Email(string? email, string? frequency) => Input(Subscription.EmailChannel, null, email, frequency);

    SubscriptionInput Input(string channel, string? url, string? email, string? frequency) =>
        new(Follows, ProjectKey, MemberId, Topic, SdgTarget, FederalState, channel, url, email, frequency);

    static bool Single(PracticeFilter filter, string facet, out string? value)
    {
        var values = filter.Chosen.GetValueOrDefault(facet) ?? [];
        value = values.Count == 1 ? values[0] : null;
        return values.Count <= 1;
    }

    static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
