using System.Globalization;
using System.Text.RegularExpressions;

namespace Kommune20.WebUi.Problems;

/// <summary>
/// Names a problem's JSON field by the form's German label, so a person reads "SDG-Unterziele (1. Eintrag)" rather than
/// "record.sdgTargets[0]". Labels are keyed by the field without the form's prefix; an entry of a list takes its list's
/// label and, for a part of it, the label of "list[].part".
/// </summary>
public static partial class FieldLabels
{
    public static string Of(string field, IReadOnlyDictionary<string, string> labels, string prefix = "")
    {
        var name = field.StartsWith(prefix, StringComparison.Ordinal) ? field[prefix.Length..] : field;
        if (labels.TryGetValue(name, out var label))
            return label;
        if (ListEntry().Match(name) is not { Success: true } entry || !labels.TryGetValue(entry.Groups["list"].Value, out var list))
            return field;

        var position = int.Parse(entry.Groups["index"].Value, CultureInfo.InvariantCulture) + 1;
        var named = $"{list} ({position}. Eintrag)";
        return entry.Groups["part"].Success && labels.TryGetValue($"{entry.Groups["list"].Value}[].{entry.Groups["part"].Value}", out var part)
            ? $"{named}, {part}"
            : named;
    }

    [GeneratedRegex(@"^(?<list>[^\[.]+)\[(?<index>\d+)\](?:\.(?<part>.+))?$")]
    private static partial Regex ListEntry();
}
