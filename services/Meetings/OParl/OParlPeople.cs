using System.Globalization;
using System.Text;

namespace Kommune20.Meetings.OParl;

/// <summary>People are known only by the names in the invitations, so their key is the name made URL-safe.</summary>
public static class OParlPeople
{
    /// <summary>"Max Schulze-Vorberg" → "max-schulze-vorberg", "Geschäftsstelle Kommune 2.0 e. V." → "geschaeftsstelle-kommune-2-0-e-v".</summary>
    public static string KeyOf(string name)
    {
        var text = name.ToLowerInvariant().Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("ß", "ss")
            .Normalize(NormalizationForm.FormD);
        var key = new StringBuilder();
        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsAsciiLetterOrDigit(c))
                key.Append(c);
            else if (key.Length > 0 && key[^1] != '-')
                key.Append('-');
        }
        return key.ToString().TrimEnd('-');
    }
}
