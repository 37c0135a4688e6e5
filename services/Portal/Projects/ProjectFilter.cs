using System.Globalization;
using Kommune20.WebUi;

namespace Kommune20.Portal.Projects;

/// <summary>The projects list's filters as the portal's address (<c>/projekte?phase=running</c>) and as the Projects API's query.</summary>
public sealed record ProjectFilter(string? Phase, Guid? Member, string? Field, string? Partner, int Page = 1)
{
    public const int PageSize = 20;

    int CurrentPage => Math.Max(1, Page);

    public string Href(int? page = null) => "/projekte" + Query.Build(("phase", Phase), ("mitglied", Member?.ToString()),
        ("handlungsfeld", Field), ("partner", Partner), ("seite", (page ?? CurrentPage) is > 1 and var p ? Text(p) : null));

    public string ApiQuery() => "/api/projects" + Query.Build(("phase", Phase), ("member", Member?.ToString()), ("field", Field),
        ("partner", Partner), ("page", Text(CurrentPage)), ("pageSize", Text(PageSize)));

    static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
}
