namespace Kommune20.Library.Search;

/// <summary>A page of practices by relevance (or newest first without a text), with the facets of all matches.</summary>
public sealed record PracticeSearchResult(
    IReadOnlyList<PracticeHit> Items,
    int Page,
    int PageSize,
    int Total,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets);

/// <summary>A matching practice with a snippet of its text in which the matched words are marked (<c>&lt;mark&gt;</c>, HTML-escaped otherwise).</summary>
public sealed record PracticeHit(PracticeCard Practice, string? Snippet, float? Score);

public sealed record FacetValue(string Value, int Count);
