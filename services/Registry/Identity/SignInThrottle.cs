using Kommune20.Registry.Data;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Registry.Identity;

/// <summary>
/// Slows down password and client-secret guessing: after a few failures under one account (a person's user name or
/// a client id) the next attempt must wait <see cref="FirstWait"/>, each further failure twice as long, up to <see cref="LongestWait"/>; an address
/// gets more attempts, since a town hall's people share one. The counts live in the Registry's database, so a
/// restart does not hand an attacker fresh attempts; a success clears the account's count, and the office can lift
/// an account's lock-out early. Known and unknown accounts are counted alike, so the answers tell nothing apart.
/// </summary>
public sealed class SignInThrottle(RegistryDb db, TimeProvider clock)
{
    public const int FreeAttempts = 5;
    public const int FreeAttemptsPerAddress = 30;
    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);

    /// <summary>Failures this long ago no longer count.</summary>
    static readonly TimeSpan Forgotten = TimeSpan.FromHours(24);

    public static string Person(string? userName) => "person:" + (userName ?? "").Trim();

    public static string Client(string? clientId) => "client:" + clientId;

    static string Address(HttpContext http) => "address:" + http.Connection.RemoteIpAddress;

    /// <summary>
    /// Where an attempt under this account from this address stands: how long the caller must wait first, if at all, and
    /// whether the account has failures on record for a success to clear (most have none, and a clear is a write).
    /// </summary>
    public async Task<ThrottleCheck> CheckAsync(string account, HttpContext http, CancellationToken ct)
    {
        var address = Address(http);
        var held = await db.FailedSignIns.AsNoTracking()
            .Where(f => f.Key == account || f.Key == address)
            .Select(f => new { f.Key, f.LockedUntil })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var until = held.Select(f => f.LockedUntil).DefaultIfEmpty(now).Max();
        return new ThrottleCheck(until > now ? until - now : null, held.Any(f => f.Key == account));
    }

    public async Task FailedAsync(string account, HttpContext http, CancellationToken ct)
    {
        try
        {
            await CountAsync(account, http, ct);
        }
        catch (DbUpdateException)
        {
            // A parallel failure created the same row first; count again on top of it.
            db.ChangeTracker.Clear();
            await CountAsync(account, http, ct);
        }
    }

    async Task CountAsync(string account, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var (key, free) in new[] { (account, FreeAttempts), (Address(http), FreeAttemptsPerAddress) })
        {
            var failures = await db.FailedSignIns.FindAsync([key], ct);
            if (failures is null)
                db.FailedSignIns.Add(failures = new FailedSignIns { Key = key });
            else if (now - failures.LastFailureAt > Forgotten)
                failures.Count = 0;
            failures.Count++;
            failures.LastFailureAt = now;
            if (failures.Count >= free)
                failures.LockedUntil = now + Backoff(failures.Count - free);
        }
        await db.SaveChangesAsync(ct);
    }

    static TimeSpan Backoff(int beyondFree) =>
        TimeSpan.FromSeconds(Math.Min(LongestWait.TotalSeconds, FirstWait.TotalSeconds * Math.Pow(2, Math.Min(beyondFree, 10))));

    /// <summary>
    /// After a success: the account starts afresh when <paramref name="check"/> found failures on record; most successes
    /// find none, and a delete that finds nothing would still take the database's write lock.
    /// </summary>
    public Task SucceededAsync(string account, ThrottleCheck check, CancellationToken ct) =>
        check.HasFailures ? ForgetAsync(account, ct) : Task.CompletedTask;

    /// <summary>When the office lifts a lock-out, or after a success: the account starts afresh (its address does not).</summary>
    public Task ForgetAsync(string account, CancellationToken ct) =>
        db.FailedSignIns.Where(f => f.Key == account).ExecuteDeleteAsync(ct);
}

/// <summary>The throttle's answer before an attempt (<see cref="SignInThrottle.CheckAsync"/>).</summary>
public readonly record struct ThrottleCheck(TimeSpan? Wait, bool HasFailures);
