using Kommune20.Library.Data;
using Kommune20.Library.Practices;

namespace Kommune20.Library.Search;

public static class PendingPractices
{
    /// <summary>The practices whose latest revision the index <paramref name="indexId"/> does not hold yet.</summary>
    public static IQueryable<Practice> PracticesPendingFor(this LibraryDb db, Guid indexId) =>
        db.Practices.Where(p => !db.IndexedRevisions.Any(i => i.IndexId == indexId && i.PracticeId == p.Id && i.Revision == p.Revision));
}
