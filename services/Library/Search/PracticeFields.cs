using System.Globalization;

namespace Kommune20.Library.Search;

/// <summary>The fields of a practice in the search index.</summary>
public static class PracticeFields
{
    public const string Id = "id";
    public const string Visibility = "visibility";
    public const string Changed = "changed";
    public const string Card = "card";

    // Full text, analysed in German.
    public const string Title = "title";
    public const string Summary = "summary";
    public const string Goal = "goal";
    public const string Description = "description";
    public const string Keywords = "keywords";

    /// <summary>The text fields and how much a match in each counts.</summary>
    public static readonly IReadOnlyDictionary<string, float> TextWeights = new Dictionary<string, float>
    {
        [Title] = 4f,
        [Summary] = 2f,
        [Keywords] = 1.5f,
        [Goal] = 1.5f,
        [Description] = 1f,
    };

    /// <summary>The fields a snippet is taken from, in order of preference.</summary>
    public static readonly IReadOnlyList<string> SnippetFields = [Summary, Description, Goal];

    // Facets: each is a filter parameter of the search and a list of values with counts in its answer.
    public const string Topic = "topic";
    public const string Sdg = "sdg";
    public const string City = "city";
    public const string State = "state";
    public const string Network = "network";
    public const string Funding = "funding";
    public const string Period = "period";
    public const string Adopted = "adopted";

    public static readonly IReadOnlyList<string> Facets = [Topic, Sdg, City, State, Network, Funding, Period, Adopted];

    /// <summary>The first and last year a practice ran (doc values): the period facet counts its years from them.</summary>
    public const string PeriodFirstYear = "period-first";
    public const string PeriodLastYear = "period-last";

    public const string Ongoing = "laufend";
    public const string Completed = "abgeschlossen";

    /// <summary>A year as the period facet shows it and its filter matches it ("2021").</summary>
    public static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
