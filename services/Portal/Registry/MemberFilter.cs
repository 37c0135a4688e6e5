using System.Globalization;
using Kommune20.ServiceDefaults.Problems;
using Kommune20.WebUi;

namespace Kommune20.Portal.Registry;

/// <summary>The member directory's filters, as they stand in the page's address so a filtered list can be shared.</summary>
public sealed record MemberFilter(string? Q, string? Kind, string? State, int Page = 1)
{
    public const int PageSize = 25;

    // The Registry refuses pages beyond Paging.MaxPage; such an address shows the last page it serves (empty) instead.
    int CurrentPage => Math.Clamp(Page, 1, Paging.MaxPage);

    /// <summary>The directory's own address with these filters ("/mitglieder?art=city&amp;seite=2").</summary>
    public string Href(int? page = null) =>
        "/mitglieder" + Query.Build(("q", Q), ("art", Kind), ("land", State), ("seite", (page ?? CurrentPage) is > 1 and var p ? Text(p) : null));

    /// <summary>The Registry's query for these filters.</summary>
    public string ApiQuery() =>
        "/api/registry/members" + Query.Build(("q", Q), ("kind", Kind), ("state", State), ("page", Text(CurrentPage)), ("pageSize", Text(PageSize)));

    static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
}
