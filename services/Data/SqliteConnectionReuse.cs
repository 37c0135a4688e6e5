using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kommune20.Data;

/// <summary>
/// Keeps a SQLite context's connection open from its first command until the context goes back to the pool (whose reset
/// disposes the connection), instead of EF Core opening and closing it around every query. Each open of a SQLite
/// connection registers EF Core's dozen SQL functions on it and each close removes them again, leaving finalizable
/// handles behind: with 1,000 ballots at once the finalizer thread took more of Meetings' CPU than the queries did
/// (bench/findings/votes.md). EF Core's advice for SQLite is one open per unit of work (dotnet/efcore#23099); here the
/// unit is the context's scope: a request, a message, a background step. Stateless, as pooled contexts require.
/// </summary>
public sealed class SqliteConnectionReuse : DbConnectionInterceptor
{
    public static readonly SqliteConnectionReuse Instance = new();

    SqliteConnectionReuse()
    {
    }

    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        InterceptionResult.Suppress();

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result) =>
        ValueTask.FromResult(InterceptionResult.Suppress());
}
