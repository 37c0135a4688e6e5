using System.Buffers;
using System.Text;

namespace Kommune20.Library.Search;

/// <summary>
/// Escapes only what HTML needs escaped (&amp;, &lt;, &gt;, quotes) in a snippet's text. Lucene's
/// <c>SimpleHTMLEncoder</c> also turns every letter beyond ASCII into a character reference, so the API
/// answered "st&amp;#228;dtischen" for "städtischen".
/// </summary>
public static class SnippetEncoder
{
    static readonly SearchValues<char> Escaped = SearchValues.Create("&<>\"'");

    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny(Escaped) < 0)
            return text;
        return Append(new StringBuilder(text.Length + 16), text).ToString();
    }

    /// <summary>Appends the text escaped.</summary>
    public static StringBuilder Append(StringBuilder snippet, ReadOnlySpan<char> text)
    {
        int next;
        while ((next = text.IndexOfAny(Escaped)) >= 0)
        {
            snippet.Append(text[..next]).Append(text[next] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            text = text[(next + 1)..];
        }
        return snippet.Append(text);
    }
}
