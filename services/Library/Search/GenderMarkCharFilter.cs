using System.Text.RegularExpressions;
using Lucene.Net.Analysis.Pattern;

namespace Kommune20.Library.Search;

/// <summary>
/// Removes gender marks before the text is split into words: "Digitallots*innen", "Digitallots:innen",
/// "Digitallots_innen", "Bürger/-innen" and "Bürger(innen)" become "…innen", the Binnen-I of "DigitallotsInnen" a
/// small i. Offsets stay those of the original text, so highlights land on the words as written.
/// </summary>
public static partial class GenderMarkCharFilter
{
    // Lucene's pattern char filter does not see past a match, so the patterns capture their context instead of looking around.
    // It copies the whole text several times over (about 7 KB for a practice's description), so a text in which neither
    // pattern matches, which the filters would leave as it is, is passed on unfiltered: the analyzer hands a string's reader
    // in, whose ReadToEnd gives that string without a copy.
    public static TextReader Wrap(TextReader reader)
    {
        var text = reader.ReadToEnd() ?? "";
        var unfiltered = new StringReader(text);
        return Mark().IsMatch(text) || BinnenI().IsMatch(text)
            ? new PatternReplaceCharFilter(BinnenI(), "$1i$2", new PatternReplaceCharFilter(Mark(), "$1$2", unfiltered))
            : unfiltered;
    }

    [GeneratedRegex(@"(\p{L})(?:[*:_·]|/-?|\()([iI]n(?:nen)?)\b")]
    private static partial Regex Mark();

    [GeneratedRegex(@"(\p{Ll})I(n(?:nen)?)\b")]
    private static partial Regex BinnenI();
}
