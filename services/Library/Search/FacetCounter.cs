using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Kommune20.Library.Search;

/// <summary>
/// Counts, for each facet, how many matching practices carry each value. Reads the facet fields' sorted-set doc
/// values segment by segment: ordinals are counted per segment and turned into values when the segment is done.
/// </summary>
public sealed class FacetCounter(IReadOnlyList<string> facets) : ICollector
{
    readonly Dictionary<string, Dictionary<string, int>> _counts = facets.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    readonly SortedSetDocValues?[] _values = new SortedSetDocValues?[facets.Count];
    readonly int[][] _segmentCounts = new int[facets.Count][];

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
        for (var i = 0; i < facets.Count; i++)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(facets[i]);
            _values[i] = values;
            _segmentCounts[i] = values is null ? [] : new int[values.ValueCount];
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            var values = _values[i];
            if (values is null)
                continue;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                _segmentCounts[i][ord]++;
        }
    }

    void FlushSegment()
    {
        var value = new BytesRef();
        for (var i = 0; i < _values.Length; i++)
        {
            var values = _values[i];
            if (values is null)
                continue;
            var counts = _segmentCounts[i];
            var totals = _counts[facets[i]];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0)
                    continue;
                values.LookupOrd(ord, value);
                var key = value.Utf8ToString();
                totals[key] = totals.GetValueOrDefault(key) + counts[ord];
            }
            _values[i] = null;
        }
    }
}
