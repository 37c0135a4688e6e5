using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kommune20.Library.Search;

/// <summary>
/// The <see cref="SegmentFacets"/> of each segment in use, keyed by the segment's core (which deletions do not change)
/// and dropped with it. As the searcher factory of the index it reads a new segment's facets before the searcher that
/// shows the segment is handed out, so no search pays for it.
/// </summary>
public sealed class FacetOrdinals(IReadOnlyList<string> facets) : SearcherFactory
{
    readonly ConditionalWeakTable<object, SegmentFacets> _segments = new();

    public IReadOnlyList<string> Facets => facets;

    public SegmentFacets For(AtomicReader segment) =>
        _segments.GetValue(segment.CoreCacheKey, _ => SegmentFacets.Read(segment, facets));

    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves)
            For(leaf.AtomicReader);
        return base.NewSearcher(reader);
    }
}
