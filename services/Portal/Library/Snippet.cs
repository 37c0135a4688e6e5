using System.Net;
using Microsoft.AspNetCore.Components;

namespace Kommune20.Portal.Library;

/// <summary>A search snippet as markup: only the library's &lt;mark&gt; survives; everything else is shown as text.</summary>
public static class Snippet
{
    public static MarkupString ToMarkup(string? snippet)
    {
        var text = WebUtility.HtmlEncode(WebUtility.HtmlDecode(snippet ?? ""));
        return new MarkupString(text.Replace("&lt;mark&gt;", "<mark>", StringComparison.Ordinal).Replace("&lt;/mark&gt;", "</mark>", StringComparison.Ordinal));
    }
}
