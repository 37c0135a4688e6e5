using System.Text;

namespace Kommune20.Meetings.Documents;

/// <summary>What people typed, written into a generated Markdown document as text: it never becomes markup there.</summary>
public static class MarkdownText
{
    /// <summary>Text as it was typed, within a line: Markdown's punctuation escaped.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' or '#' or '!' or '&')
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>Text as it was typed, at the start of a block: also what would begin a list, heading or quote defused.</summary>
    public static string EscapeLine(string text)
    {
        var escaped = Escape(text);
        var digits = escaped.TakeWhile(char.IsAsciiDigit).Count();
        if (digits > 0 && digits < escaped.Length && escaped[digits] is '.' or ')')
            return escaped[..digits] + "\\" + escaped[digits..];
        return escaped.Length > 0 && escaped[0] is '-' or '+' or '=' ? "\\" + escaped : escaped;
    }
}
