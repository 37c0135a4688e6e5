using Kommune20.Registry.Data;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Registry.Identity;

/// <summary>
/// Who is locked out of signing in now, for the office to lift it (<c>DELETE …/people/{id}/lockout</c>,
/// <c>…/members/{memberId}/clients/{clientId}/lockout</c>): people and clients that exist. Guessed names that exist
/// nowhere and addresses are left out; their lock-outs run out by themselves.
/// </summary>
public static class LockoutsApi
{
    public static RouteHandlerBuilder MapLockoutsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/registry/lockouts", ListAsync).WithTags("Sign-in").RequireAuthorization(Policies.Office);

    /// <param name="Kind"><c>person</c> or <c>client</c>.</param>
    /// <param name="Id">The person's id or the client id, as the lifting endpoints take it.</param>
    public sealed record LockoutDto(string Kind, string Id, string Name, Guid MemberId, string MemberName, int Failures, DateTimeOffset LockedUntil);

    static async Task<Ok<List<LockoutDto>>> ListAsync(RegistryDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // SQLite cannot compare DateTimeOffset values, so the lock-outs are picked here; the table holds one row per account and address.
        var locked = (await db.FailedSignIns.AsNoTracking().ToListAsync(ct)).Where(f => f.LockedUntil > now).ToDictionary(f => f.Key);
        var userNames = AccountsNamed(locked.Keys, SignInThrottle.Person(""));
        var clientIds = AccountsNamed(locked.Keys, SignInThrottle.Client(""));
        var people = await db.People.AsNoTracking().Where(p => userNames.Contains(p.UserName)).ToListAsync(ct);
        var clients = await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.ClientId)).ToListAsync(ct);
        var memberIds = people.Select(p => p.MemberId).Concat(clients.Select(c => c.MemberId)).Distinct().ToList();
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);

        LockoutDto Entry(string kind, string id, string name, Guid memberId, string key) =>
            new(kind, id, name, memberId, members[memberId], locked[key].Count, locked[key].LockedUntil);
        var list = people.Select(p => Entry("person", p.Id.ToString(), p.Name, p.MemberId, SignInThrottle.Person(p.UserName)))
            .Concat(clients.Select(c => Entry("client", c.ClientId, c.ClientId, c.MemberId, SignInThrottle.Client(c.ClientId))))
            .OrderBy(entry => entry.MemberName, StringComparer.Ordinal).ThenBy(entry => entry.Name, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(list);
    }

    static List<string> AccountsNamed(IEnumerable<string> keys, string prefix) =>
        keys.Where(key => key.StartsWith(prefix, StringComparison.Ordinal)).Select(key => key[prefix.Length..]).ToList();
}
