using System.Globalization;

namespace Kommune20.Bench.Workloads;

/// <summary>
/// A word per edit that no generated text contains, appended to the edited practice's title: a search for it finds the
/// practice only once the library has indexed that edit. Many markers go into one search as alternatives
/// (<c>a|b|c</c> in the library's simple query syntax), so that one request looks for every edit still awaited.
/// </summary>
public static class EditMarkers
{
    const string Prefix = "k20edit";

    /// <summary>
    /// Markers per search: 32 of 13 characters stay under the library's 500 characters a query, and their terms over the
    /// weighted text fields under Lucene's 1,024 clauses.
    /// </summary>
    public const int PerSearch = 32;

    public static string Of(int edit) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{edit:000000}");

    /// <summary>The title of a practice as edit <paramref name="edit"/> leaves it.</summary>
    public static string Title(string title, int edit) => $"{title} {Of(edit)}";

    /// <summary>The marker at the end of a title, or null when it carries none.</summary>
    public static string? In(string title) =>
        title[(title.LastIndexOf(' ') + 1)..] is var last && last.StartsWith(Prefix, StringComparison.Ordinal) ? last : null;

    /// <summary>The searches that together look for every one of <paramref name="markers"/>.</summary>
    public static IEnumerable<string> Searches(IEnumerable<string> markers) => markers.Chunk(PerSearch).Select(chunk => string.Join('|', chunk));
}
