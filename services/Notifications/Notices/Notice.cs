namespace Kommune20.Notifications.Notices;

/// <summary>
/// Something that happened in the network that followers may hear of: an update to a project, a practice published, changed or
/// withdrawn, an event on the calendar. Recorded once from the integration event that announced it; its <see cref="Id"/> is the
/// CloudEvent id every channel carries, so a receiver drops a duplicate by it. A notice is about a <see cref="Subject"/> (the
/// same for every version of one update or practice), which is how a withdrawal finds what it takes back.
/// </summary>
public sealed class Notice
{
    public Guid Id { get; set; }

    /// <summary>The CloudEvent type, one of <see cref="NoticeTypes"/>.</summary>
    public string Type { get; set; } = "";

    /// <summary>What the notice is about, stable across versions: <c>projects/{key}/updates/{id}</c>, <c>practices/{member}/{originId}</c>.</summary>
    public string Subject { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";

    /// <summary>Where a person reads more, a path of the portal (<c>/projekte/{key}</c>).</summary>
    public string Link { get; set; } = "";

    public string? ProjectKey { get; set; }

    /// <summary>The project's title when the notice is about a project, for the title of its feed.</summary>
    public string? ProjectTitle { get; set; }

    /// <summary>The members it is about: the city that posted or published it, the organiser of an event.</summary>
    public List<Guid> MemberIds { get; set; } = [];
    public List<string> Topics { get; set; } = [];
    public List<string> SdgTargets { get; set; } = [];

    /// <summary>The federal states of <see cref="MemberIds"/>, as the register's member events named them when it was recorded.</summary>
    public List<string> FederalStates { get; set; } = [];

    /// <summary>An event of the network calendar (assembly, exchange session, a city's event).</summary>
    public bool OnCalendar { get; set; }

    /// <summary>Public records reach feeds, public webhooks and e-mails; a network-only one reaches nobody outside the network.</summary>
    public bool IsPublic { get; set; }

    /// <summary>This notice takes back what earlier notices of its subject said.</summary>
    public bool IsWithdrawal { get; set; }

    /// <summary>Set on every earlier notice of a subject when it is withdrawn or replaced by a newer version: feeds leave it out.</summary>
    public DateTimeOffset? SupersededAt { get; set; }

    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
