namespace Kommune20.Library.Search;

/// <summary>
/// German administrations write people in many gendered forms: "Digitallotsinnen und Digitallotsen",
/// "Digitallots*innen", "Digitallots:innen", "DigitallotsInnen", "Bürger/-innen". The library folds all of them into the
/// masculine form the stemmer knows, so that each finds the others. Two steps: <see cref="GenderMarkCharFilter"/> removes
/// the marks before tokenizing (the star and colon would split or join words), and <see cref="ToBaseForm"/> turns the
/// feminine endings of a lower-case word into the masculine ones ("-innen" into "-en", "-in" into "-e").
/// </summary>
public static class GenderForms
{
    // Words that end in "innen" without being feminine plurals: verbs ending in these, and these words themselves
    // ("Lotsinnen" and "Mitarbeiterinnen" end in "sinnen" and "rinnen", so those are matched whole).
    static readonly string[] NotFeminineEndings = ["beginnen", "gewinnen", "spinnen"];
    static readonly HashSet<string> NotFeminineWords = ["sinnen", "besinnen", "ersinnen", "rinnen", "entrinnen", "zerrinnen", "binnen", "zinnen", "linnen"];

    // Endings of nouns for people that take a feminine "-in": Bürgerin, Studentin, Praktikantin, Journalistin,
    // Redakteurin, Autorin, Lotsin, Pilotin, Biologin, Kollegin, Kandidatin, Expertin, Bibliothekarin.
    static readonly string[] PersonEndings = ["er", "ent", "ant", "ist", "eur", "or", "ts", "ot", "og", "eg", "at", "rt", "ar"];

    /// <summary>The masculine form of a lower-case word in a feminine form; any other word as it is.</summary>
    public static string ToBaseForm(string word)
    {
        if (word.EndsWith("innen", StringComparison.Ordinal) && word.Length - 5 >= 3 && !NotFeminineWords.Contains(word)
            && !NotFeminineEndings.Any(ending => word.EndsWith(ending, StringComparison.Ordinal)))
            return string.Concat(word.AsSpan(0, word.Length - 5), "en");

        if (word.EndsWith("in", StringComparison.Ordinal) && word.Length - 2 >= 4)
        {
            var stem = word[..^2];
            if (PersonEndings.Any(ending => stem.EndsWith(ending, StringComparison.Ordinal)))
                return stem + "e";
        }
        return word;
    }
}
