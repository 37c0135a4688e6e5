namespace Kommune20.ServiceDefaults.Problems;

/// <summary>
/// The bounds every paged list shares: a page from 1 to <see cref="MaxPage"/> and a page size from 1 to the list's
/// own maximum. Without an upper bound a huge page number overflowed the offset and answered 500.
/// </summary>
public static class Paging
{
    /// <summary>With page sizes up to a few hundred the offset stays far below <see cref="int.MaxValue"/>.</summary>
    public const int MaxPage = 10_000;

    /// <summary>Adds a German message under <c>page</c> or <c>pageSize</c> for each value out of bounds.</summary>
    public static void Check(int? page, int? pageSize, int maxPageSize, IDictionary<string, string[]> errors)
    {
        if (page is < 1 or > MaxPage)
            errors["page"] = [$"Die Seite liegt zwischen 1 und {MaxPage}."];
        if (pageSize is { } size && (size < 1 || size > maxPageSize))
            errors["pageSize"] = [$"Eine Seite hat 1 bis {maxPageSize} Einträge."];
    }
}
