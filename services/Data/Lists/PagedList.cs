using Microsoft.EntityFrameworkCore;

namespace Kommune20.Data.Lists;

/// <summary>One page of a list, with the page's number and size and how many items the whole list holds.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public static class PagedQueries
{
    /// <summary>
    /// Reads page <paramref name="page"/> of an ordered query (bounds checked beforehand with
    /// <see cref="ServiceDefaults.Problems.Paging.Check"/>) and maps its rows in memory.
    /// </summary>
    public static async Task<PagedList<TDto>> ToPagedListAsync<TRow, TDto>(
        this IQueryable<TRow> ordered, int page, int pageSize, Func<TRow, TDto> map, CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var rows = await ordered.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedList<TDto>(rows.Select(map).ToList(), page, pageSize, total);
    }
}
