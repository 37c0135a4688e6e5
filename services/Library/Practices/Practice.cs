using Kommune20.Contracts.Federation;
using Kommune20.Contracts.Library;

namespace Kommune20.Library.Practices;

/// <summary>The hub's replica of a city's practice (see <see cref="Replica{TRecord}"/>), with what the search index must follow.</summary>
public sealed class Practice : Replica<PracticeRecord>
{
    /// <summary>Counts every change the search index must follow; an index has caught up when its <see cref="Search.IndexedRevision"/> equals it.</summary>
    public long Revision { get; set; } = 1;

    /// <summary>The network whose node published the version held for the origin city; null when the city's own node did.</summary>
    public Guid? RelayedBy { get; set; }

    /// <summary>A new replica, whose id follows from its origin (<see cref="LibraryPracticeId"/>), so other services name it as the library does.</summary>
    public static Practice From(RecordOrigin origin)
    {
        var practice = Of<Practice>(origin);
        practice.Id = LibraryPracticeId.Of(origin.OriginMemberId, origin.OriginId);
        return practice;
    }

    protected override void Applied(PracticeRecord record, bool replaced) => Revision++;

    protected override void Withdrawn() => Revision++;

    /// <summary>Something the index shows besides the record changed (the origin's name or networks, a verified adoption).</summary>
    public void Touch() => Revision++;
}
