using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Kommune20.Library.Search;

/// <summary>
/// The facet values of every document of one index segment, read once from the sorted-set doc values and kept flat:
/// a document's values are <c>Ordinals[Starts[doc]..Starts[doc + 1]]</c>, numbered across all facets, and
/// <c>Labels[ordinal]</c> is the value. Counting a match is then a few array reads instead of a doc-values decode per
/// facet. The years a practice ran are kept as its first and last year, counted from the segment's earliest
/// (<see cref="FirstYears"/>, <see cref="LastYears"/>; -1 without a period). Segments never change, so the same
/// instance serves every searcher that holds the segment.
/// </summary>
public sealed class SegmentFacets
{
    SegmentFacets(int[] starts, int[] ordinals, string[] labels, int[] facetStarts, YearSpans years)
    {
        Starts = starts;
        Ordinals = ordinals;
        Labels = labels;
        FacetStarts = facetStarts;
        (FirstYears, LastYears, EarliestYear, Years) = years;
    }

    public int[] Starts { get; }
    public int[] Ordinals { get; }
    public string[] Labels { get; }

    /// <summary>Facet <c>f</c> owns the ordinals <c>FacetStarts[f]..FacetStarts[f + 1]</c>.</summary>
    public int[] FacetStarts { get; }

    public int[] FirstYears { get; }
    public int[] LastYears { get; }
    public int EarliestYear { get; }

    /// <summary>How many years lie between the segment's earliest first year and its latest last year.</summary>
    public int Years { get; }

    record struct YearSpans(int[] FirstYears, int[] LastYears, int EarliestYear, int Years);

    public static SegmentFacets Read(AtomicReader segment, IReadOnlyList<string> facets)
    {
        var values = facets.Select(segment.GetSortedSetDocValues).ToArray();
        var facetStarts = new int[facets.Count + 1];
        for (var f = 0; f < facets.Count; f++)
            facetStarts[f + 1] = facetStarts[f] + (int)(values[f]?.ValueCount ?? 0);

        var labels = new string[facetStarts[^1]];
        var value = new BytesRef();
        for (var f = 0; f < facets.Count; f++)
        {
            for (var ord = 0; ord < (values[f]?.ValueCount ?? 0); ord++)
            {
                values[f]!.LookupOrd(ord, value);
                labels[facetStarts[f] + ord] = value.Utf8ToString();
            }
        }

        var starts = new int[segment.MaxDoc + 1];
        var ordinals = new List<int>(segment.MaxDoc * facets.Count);
        for (var doc = 0; doc < segment.MaxDoc; doc++)
        {
            starts[doc] = ordinals.Count;
            for (var f = 0; f < facets.Count; f++)
            {
                if (values[f] is not { } docValues)
                    continue;
                docValues.SetDocument(doc);
                long ord;
                while ((ord = docValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                    ordinals.Add(facetStarts[f] + (int)ord);
            }
        }
        starts[segment.MaxDoc] = ordinals.Count;
        return new SegmentFacets(starts, [.. ordinals], labels, facetStarts, ReadYears(segment));
    }

    static YearSpans ReadYears(AtomicReader segment)
    {
        var firstValues = segment.GetNumericDocValues(PracticeFields.PeriodFirstYear);
        var lastValues = segment.GetNumericDocValues(PracticeFields.PeriodLastYear);
        var withPeriod = segment.GetDocsWithField(PracticeFields.PeriodFirstYear);
        var firsts = new int[segment.MaxDoc];
        var lasts = new int[segment.MaxDoc];
        Array.Fill(firsts, -1);
        Array.Fill(lasts, -1);
        if (firstValues is null || lastValues is null || withPeriod is null)
            return new YearSpans(firsts, lasts, 0, 0);

        var (earliest, latest) = (int.MaxValue, int.MinValue);
        for (var doc = 0; doc < segment.MaxDoc; doc++)
        {
            if (!withPeriod.Get(doc))
                continue;
            (firsts[doc], lasts[doc]) = ((int)firstValues.Get(doc), (int)lastValues.Get(doc));
            (earliest, latest) = (Math.Min(earliest, firsts[doc]), Math.Max(latest, lasts[doc]));
        }
        if (earliest > latest)
            return new YearSpans(firsts, lasts, 0, 0);
        for (var doc = 0; doc < segment.MaxDoc; doc++)
        {
            if (firsts[doc] >= 0)
                (firsts[doc], lasts[doc]) = (firsts[doc] - earliest, lasts[doc] - earliest);
        }
        return new YearSpans(firsts, lasts, earliest, latest - earliest + 1);
    }
}
