namespace Kommune20.Library.Search;

/// <summary>
/// The revision of a practice that one search index holds. Every instance of the library keeps an index of its own, so
/// each records what it has indexed under its index's id (<see cref="PracticeIndex.Id"/>): a practice that one instance
/// indexed is still pending for the others.
/// </summary>
public sealed class IndexedRevision
{
    public Guid IndexId { get; init; }
    public Guid PracticeId { get; init; }
    public long Revision { get; set; }
}

/// <summary>A search index some instance keeps, and when it last looked for work: the rows of an index gone for good are removed.</summary>
public sealed class SearchIndexSeen
{
    public Guid IndexId { get; init; }
    public DateTimeOffset SeenAt { get; set; }
}
