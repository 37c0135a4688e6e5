using Kommune20.Library.Data;
using Kommune20.Library.Practices;

namespace Kommune20.Library.Search;

public static class PendingPractices
{
    /// <summary>
    /// The practices whose latest revision the index <paramref name="indexId"/> does not hold yet, in the order of their
    /// ids, those after <paramref name="after"/> only when it is given: a sweep through many pending practices goes on
    /// where its last batch ended, instead of reading every practice it has just indexed again for each batch.
    /// </summary>
    public static IQueryable<Practice> PracticesPendingFor(this LibraryDb db, Guid indexId, Guid? after = null) =>
        (after is { } last ? db.Practices.Where(p => p.Id.CompareTo(last) > 0) : db.Practices)
            .Where(p => !db.IndexedRevisions.Any(i => i.IndexId == indexId && i.PracticeId == p.Id && i.Revision == p.Revision))
            .OrderBy(p => p.Id);
}
