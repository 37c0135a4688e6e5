using Kommune20.Contracts.Federation;

namespace Kommune20.Projects.Updates;

/// <summary>
/// An update to a project. From a city node it is that city's record (a <see cref="Replica{TRecord}"/>: the city changes or
/// withdraws it, the hub follows); from the portal it is a participant's or partner's post, kept the same way under an origin
/// id of the portal's own (<c>portal:…</c>). An update from a member that does not take part is quarantined: kept with the
/// reason, never shown, never announced.
/// </summary>
public sealed class ProjectUpdate : Replica<ProjectUpdateRecord>
{
    public const string PortalOrigin = "portal:";

    /// <summary>The project the update belongs to; null while quarantined because there is no project by its key.</summary>
    public Guid? ProjectId { get; set; }
    public UpdateSource Source { get; set; }

    /// <summary>Who posted it in the portal; for a node's update the city, by the register's name.</summary>
    public string AuthorName { get; set; } = "";
    public DateTimeOffset PostedAt { get; set; }

    /// <summary>Why the hub does not show it (quarantine), or null for a shown update.</summary>
    public string? QuarantineReason { get; set; }

    public bool IsShown => IsListed && QuarantineReason is null && ProjectId is not null;

    public static ProjectUpdate From(RecordOrigin origin, UpdateSource source, string authorName, DateTimeOffset postedAt)
    {
        var update = Of<ProjectUpdate>(origin);
        update.Source = source;
        update.AuthorName = authorName;
        update.PostedAt = postedAt;
        return update;
    }
}

public enum UpdateSource
{
    Node,
    Portal,
}
