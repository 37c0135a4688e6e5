using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kommune20.Library.Search;

/// <summary>
/// Counts, for each facet, how many matching practices carry each value: per segment by ordinal in one array over the
/// segment's <see cref="SegmentFacets"/>, turned into values when the segment is done.
/// </summary>
public sealed class FacetCounter(FacetOrdinals ordinals) : ICollector
{
    readonly IReadOnlyList<string> _facets = ordinals.Facets;
    readonly Dictionary<string, Dictionary<string, int>> _counts = ordinals.Facets.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    SegmentFacets? _segment;
    int[] _segmentCounts = [];

    public IReadOnlyDictionary<string, Dictionary<string, int>> Counts
    {
        get
        {
            FlushSegment();
            return _counts;
        }
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        _segment = ordinals.For(context.AtomicReader);
        _segmentCounts = new int[_segment.Labels.Length];
    }

    public void Collect(int doc)
    {
        var segment = _segment!;
        var values = segment.Ordinals;
        var counts = _segmentCounts;
        for (int i = segment.Starts[doc], end = segment.Starts[doc + 1]; i < end; i++)
            counts[values[i]]++;
    }

    void FlushSegment()
    {
        if (_segment is not { } segment)
            return;
        for (var f = 0; f < _facets.Count; f++)
        {
            var totals = _counts[_facets[f]];
            for (var ord = segment.FacetStarts[f]; ord < segment.FacetStarts[f + 1]; ord++)
            {
                if (_segmentCounts[ord] > 0)
                    totals[segment.Labels[ord]] = totals.GetValueOrDefault(segment.Labels[ord]) + _segmentCounts[ord];
            }
        }
        _segment = null;
    }
}
