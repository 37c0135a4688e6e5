using Kommune20.Contracts.Federation;
using Kommune20.Contracts.Library;

namespace Kommune20.Meetings.Practices;

/// <summary>
/// What Meetings knows of a practice in the library, a replica kept from Federation's practice events as the calendar keeps
/// the cities' events (see <see cref="Replica{TRecord}"/>), under its library id (<see cref="LibraryPracticeId"/>): enough
/// to check a statement's or takeaway's link to it and to name it; the practice itself is the library's.
/// </summary>
public sealed class LibraryPractice : Replica<PracticeRecord>
{
    public string? Title => Record?.Title;

    /// <summary>May be linked from what the network reads: published, not withdrawn, public.</summary>
    public bool MayBeLinked => IsListed && Record!.Visibility == Visibility.Public;

    public static LibraryPractice From(RecordOrigin origin)
    {
        var practice = Of<LibraryPractice>(origin);
        practice.Id = LibraryPracticeId.Of(origin.OriginMemberId, origin.OriginId);
        return practice;
    }
}
