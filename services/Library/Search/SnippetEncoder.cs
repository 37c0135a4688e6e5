using System.Text;
using Lucene.Net.Search.Highlight;

namespace Kommune20.Library.Search;

/// <summary>
/// Escapes only what HTML needs escaped (&amp;, &lt;, &gt;, quotes) in a snippet's text. Lucene's
/// <see cref="SimpleHTMLEncoder"/> also turns every letter beyond ASCII into a character reference, so the API
/// answered "st&amp;#228;dtischen" for "städtischen".
/// </summary>
public sealed class SnippetEncoder : IEncoder
{
    public static readonly SnippetEncoder Instance = new();

    public string EncodeText(string originalText) => Escape(originalText);

    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
            return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }
}
