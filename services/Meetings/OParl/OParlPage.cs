using Microsoft.AspNetCore.WebUtilities;

namespace Kommune20.Meetings.OParl;

/// <summary>A page of an external object list: the objects, where it stands, and the links to the other pages.</summary>
public sealed record OParlPage(IReadOnlyList<object> Data, OParlPagination Pagination, OParlPageLinks Links);

public sealed record OParlPagination(int TotalElements, int ElementsPerPage, int CurrentPage, int TotalPages);

/// <summary><c>next</c> on every page but the last, as OParl requires; each link keeps the client's filters and limit.</summary>
public sealed record OParlPageLinks(string First, string? Prev, string Self, string? Next, string Last);

/// <summary>The query of a list: OParl's filters on created and modified, the page and the page size, bounded.</summary>
public sealed record OParlListQuery(DateTimeOffset? CreatedSince, DateTimeOffset? CreatedUntil, DateTimeOffset? ModifiedSince,
    DateTimeOffset? ModifiedUntil, int Page, int Limit)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>The query, or the wrong parameters with what is wrong.</summary>
    public static (OParlListQuery? Query, Dictionary<string, string[]> Errors) Parse(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>();
        DateTimeOffset? Moment(string name)
        {
            if (query[name].ToString() is not { Length: > 0 } text)
                return null;
            if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var moment))
                return moment;
            errors[name] = ["Ein Zeitpunkt mit Datum, Uhrzeit und Zeitzone (ISO 8601), z. B. 2026-01-01T00:00:00+01:00."];
            return null;
        }
        int Number(string name, int fallback, int max)
        {
            if (query[name].ToString() is not { Length: > 0 } text)
                return fallback;
            if (int.TryParse(text, out var number) && number >= 1)
                return Math.Min(number, max);
            errors[name] = ["Eine ganze Zahl ab 1."];
            return fallback;
        }
        var parsed = new OParlListQuery(Moment("created_since"), Moment("created_until"), Moment("modified_since"),
            Moment("modified_until"), Number("page", 1, int.MaxValue), Number("limit", DefaultLimit, MaxLimit));
        return (errors.Count == 0 ? parsed : null, errors);
    }

    public OParlPage PageOf(IEnumerable<IOParlObject> objects, string listUrl, IQueryCollection query)
    {
        var matching = objects.Where(o => (CreatedSince is null || o.Created >= CreatedSince) && (CreatedUntil is null || o.Created <= CreatedUntil)
            && (ModifiedSince is null || o.Modified >= ModifiedSince) && (ModifiedUntil is null || o.Modified <= ModifiedUntil)).ToList();
        var pages = Math.Max(1, (matching.Count + Limit - 1) / Limit);
        var data = matching.Skip((int)Math.Min((long)(Page - 1) * Limit, matching.Count)).Take(Limit).Cast<object>().ToList();
        var kept = query.Where(p => p.Key != "page").ToDictionary(p => p.Key, p => p.Value);
        string Link(int page) => QueryHelpers.AddQueryString(listUrl, page == 1 ? kept : new(kept) { ["page"] = page.ToString() });
        return new OParlPage(data, new OParlPagination(matching.Count, Limit, Page, pages),
            new OParlPageLinks(Link(1), Page > 1 ? Link(Math.Min(Page - 1, pages)) : null, Link(Page), Page < pages ? Link(Page + 1) : null, Link(pages)));
    }
}
