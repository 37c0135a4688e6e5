using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kommune20.Library.Search;

/// <summary>
/// Counts, for each facet, how many matching practices carry each value: per segment by ordinal in one array over the
/// segment's <see cref="SegmentFacets"/>, turned into values when the segment is done. The period's years are
/// counted as spans: a practice adds one where its years begin and one where they end, and a running sum over the
/// years gives how many practices ran in each.
/// </summary>
public sealed class FacetCounter(FacetOrdinals ordinals) : ICollector
{
    readonly IReadOnlyList<string> _facets = ordinals.Facets;
    readonly Dictionary<string, Dictionary<string, int>> _counts = ordinals.Facets.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    SegmentFacets? _segment;
    int[] _segmentCounts = [];
    int[] _spansBeginning = [];
    int[] _spansEnding = [];

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
        _spansBeginning = new int[_segment.Years];
        _spansEnding = new int[_segment.Years];
    }

    public void Collect(int doc)
    {
        var segment = _segment!;
        var values = segment.Ordinals;
        var counts = _segmentCounts;
        for (int i = segment.Starts[doc], end = segment.Starts[doc + 1]; i < end; i++)
            counts[values[i]]++;
        if (segment.FirstYears[doc] >= 0)
        {
            _spansBeginning[segment.FirstYears[doc]]++;
            _spansEnding[segment.LastYears[doc]]++;
        }
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
        var years = _counts[PracticeFields.Period];
        var running = 0;
        for (var year = 0; year < segment.Years; year++)
        {
            running += _spansBeginning[year];
            if (running > 0)
            {
                var label = PracticeFields.Year(segment.EarliestYear + year);
                years[label] = years.GetValueOrDefault(label) + running;
            }
            running -= _spansEnding[year];
        }
        _segment = null;
    }
}
