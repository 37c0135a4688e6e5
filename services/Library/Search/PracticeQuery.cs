using System.Globalization;
using Kommune20.Contracts.Federation;
using Kommune20.ServiceDefaults.Problems;

namespace Kommune20.Library.Search;

/// <summary>
/// The parameters of <c>GET /api/library/practices</c>: the text <c>q</c>, a filter per facet (repeat a parameter for
/// "any of"), and paging. <see cref="Validate"/> names each malformed parameter.
/// </summary>
public sealed record PracticeQuery
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxDepth = 10_000;
    const int MaxValueLength = 200;

    public string? Q { get; init; }
    public string[]? Topic { get; init; }
    public string[]? Sdg { get; init; }
    public string[]? City { get; init; }
    public string[]? State { get; init; }
    public string[]? Network { get; init; }
    public string[]? Funding { get; init; }
    public string[]? Period { get; init; }
    public bool? Adopted { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (Q is not null && TextQuery.Problem(Q) is { } problem)
            Fail("q", problem);

        foreach (var (facet, values) in FreeTextFilters())
        {
            if (values.Any(v => string.IsNullOrWhiteSpace(v) || v.Length > MaxValueLength))
                Fail(facet, $"Ein Filterwert ist leer oder länger als {MaxValueLength} Zeichen.");
        }

        var unknown = (Sdg ?? []).FirstOrDefault(target => !SdgTargets.Exists(target));
        if (unknown is not null)
            Fail("sdg", $"\"{unknown}\" ist keines der 169 Unterziele der Agenda 2030 (z. B. 16.6).");

        var period = (Period ?? []).FirstOrDefault(value => NormalizePeriod(value) is null);
        if (period is not null)
            Fail("period", $"\"{period}\" ist kein Zeitraum: erlaubt sind \"laufend\", \"abgeschlossen\" oder eine Jahreszahl wie 2021.");

        Paging.Check(Page, PageSize, MaxPageSize, errors);
        if (!errors.ContainsKey("page") && !errors.ContainsKey("pageSize") && (long)(Page ?? 1) * (PageSize ?? DefaultPageSize) > MaxDepth)
            Fail("page", $"Es lassen sich nur die ersten {MaxDepth} Treffer durchblättern; bitte die Suche eingrenzen.");
        return errors;
    }

    /// <summary>The validated query as the search runs it.</summary>
    public PracticeSearchRequest ToRequest()
    {
        var filters = FreeTextFilters().ToDictionary(f => f.Facet, f => (IReadOnlyList<string>)f.Values.Select(v => v.Trim()).ToList());
        filters[PracticeFields.Sdg] = (Sdg ?? []).Select(target => target.Trim().ToLowerInvariant()).ToList();
        filters[PracticeFields.Period] = (Period ?? []).Select(NormalizePeriod).OfType<string>().ToList();
        if (Adopted is { } adopted)
            filters[PracticeFields.Adopted] = [adopted ? "true" : "false"];
        return new PracticeSearchRequest(string.IsNullOrWhiteSpace(Q) ? null : Q,
            filters.Where(f => f.Value.Count > 0).ToDictionary(), Page ?? 1, PageSize ?? DefaultPageSize);
    }

    IEnumerable<(string Facet, string[] Values)> FreeTextFilters()
    {
        yield return (PracticeFields.Topic, Topic ?? []);
        yield return (PracticeFields.City, City ?? []);
        yield return (PracticeFields.State, State ?? []);
        yield return (PracticeFields.Network, Network ?? []);
        yield return (PracticeFields.Funding, Funding ?? []);
    }

    static string? NormalizePeriod(string value)
    {
        var period = value.Trim().ToLowerInvariant();
        if (period is PracticeFields.Ongoing or PracticeFields.Completed)
            return period;
        return int.TryParse(period, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2200
            ? PracticeFields.Year(year)
            : null;
    }
}

/// <summary>A validated search: the text (null for all), the values each facet must have one of, and the page.</summary>
public sealed record PracticeSearchRequest(string? Text, IReadOnlyDictionary<string, IReadOnlyList<string>> Filters, int Page, int PageSize);
