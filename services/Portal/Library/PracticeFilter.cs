using System.Globalization;
using Kommune20.WebUi;

namespace Kommune20.Portal.Library;

/// <summary>
/// A library search as it stands in the page's address (German parameter names), so a search can be shared:
/// the text, the chosen values per facet (several per facet mean "any of") and the page.
/// </summary>
public sealed record PracticeFilter(string? Q, IReadOnlyDictionary<string, IReadOnlyList<string>> Chosen, int Page = 1)
{
    public const int PageSize = 10;

    /// <summary>The library's facets: its parameter name, the address's name, and the German heading.</summary>
    public static readonly IReadOnlyList<(string Facet, string Parameter, string Heading)> Facets =
    [
        ("topic", "thema", "Thema"),
        ("sdg", "sdg", "Nachhaltigkeitsziel (SDG-Unterziel)"),
        ("city", "stadt", "Stadt"),
        ("state", "land", "Bundesland"),
        ("network", "netzwerk", "Netzwerk"),
        ("funding", "foerderung", "Förderprogramm"),
        ("period", "zeitraum", "Zeitraum"),
    ];

    public static PracticeFilter FromAddress(string? q, Func<string, IReadOnlyList<string>> valuesOf, int? page) =>
        new(q, Facets.ToDictionary(f => f.Facet, f => (IReadOnlyList<string>)valuesOf(f.Parameter).Where(v => !string.IsNullOrWhiteSpace(v)).Distinct().ToList()),
            Math.Max(1, page ?? 1));

    public bool IsChosen(string facet, string value) => Chosen.TryGetValue(facet, out var values) && values.Contains(value);

    public string Href(int? page = null) =>
        "/praxisbeispiele" + Query.Build(Pairs(page ?? Page, (f, p) => p).ToArray());

    public string ApiQuery() =>
        "/api/library/practices" + Query.Build([.. Pairs(Page, (f, p) => f), ("pageSize", Text(PageSize))]);

    IEnumerable<(string, string?)> Pairs(int page, Func<string, string, string> name)
    {
        yield return ("q", Q);
        foreach (var (facet, parameter, _) in Facets)
            foreach (var value in Chosen.GetValueOrDefault(facet) ?? [])
                yield return (name(facet, parameter), value);
        yield return (name("page", "seite"), page > 1 ? Text(page) : null);
    }

    static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
}
