using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Kommune20.Messaging;
using Kommune20.Registry.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kommune20.Registry.Members;

/// <summary>
/// The register as other services ask it (members by id and the network graph), held in memory: it is small and
/// changes rarely, while every federation push and every vote asks it. The Registry's own commits to members or
/// memberships discard it, so the next question reads the database again; another instance's commits discard it when
/// their events arrive (<see cref="RegisterChangedElsewhere"/>). Its own events reach it too, and are recognised by
/// their message ids: the commit that staged them has discarded the snapshot already, and a second discard would throw
/// away a snapshot that has the change.
/// </summary>
public sealed class RegisterSnapshot(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>Long enough for the outbox to publish after an outage of the broker, short enough to bound the ids kept.</summary>
    static readonly TimeSpan OwnEventsKept = TimeSpan.FromHours(1);

    public sealed record Register(IReadOnlyDictionary<Guid, Member> Members, MemberGraph Graph);

    readonly SemaphoreSlim _loading = new(1, 1);
    readonly ConcurrentDictionary<Guid, DateTimeOffset> _ownEvents = new();
    Register? _current;
    long _generation;

    public async ValueTask<Register> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is { } current)
            return current;

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref _current) is { } loaded)
                return loaded;
            var generation = Interlocked.Read(ref _generation);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
            var members = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Id, cancellationToken);
            var register = new Register(members, await db.LoadGraphAsync(cancellationToken));
            // A commit while loading may not be in what was read: answer with it, but do not keep it.
            if (Interlocked.Read(ref _generation) == generation)
                Volatile.Write(ref _current, register);
            return register;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Discard()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _current, null);
    }

    /// <summary>Remembers the events a commit of this instance staged; ids older than an hour are forgotten.</summary>
    internal void Staged(IEnumerable<Guid> messageIds)
    {
        var now = time.GetUtcNow();
        foreach (var (id, stagedAt) in _ownEvents)
            if (now - stagedAt > OwnEventsKept)
                _ownEvents.TryRemove(id, out _);
        foreach (var id in messageIds)
            _ownEvents[id] = now;
    }

    /// <summary>Discards the snapshot for an event of the register, unless this instance staged it.</summary>
    public void Heard(Guid? messageId)
    {
        if (messageId is { } id && _ownEvents.TryRemove(id, out _))
            return;
        Discard();
    }
}

/// <summary>
/// Discards the snapshot around a commit that changes members or network memberships: before it, so that no load
/// in flight is kept, and after it, so that the next question reads the committed state. The contexts are pooled and
/// share this one instance, so whether a commit changes the register is remembered per context.
/// </summary>
internal sealed class RegisterSnapshotInterceptor(RegisterSnapshot snapshot) : SaveChangesInterceptor
{
    static readonly object ChangesRegister = new();
    readonly ConditionalWeakTable<DbContext, object> _committing = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        BeforeCommit(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        BeforeCommit(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterCommit(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterCommit(eventData.Context);
        return ValueTask.FromResult(result);
    }

    void BeforeCommit(DbContext? context)
    {
        if (context is null)
            return;
        if (context.ChangeTracker.Entries().Any(entry =>
                entry.Entity is Member or NetworkMembership && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            _committing.AddOrUpdate(context, ChangesRegister);
            snapshot.Staged(context.ChangeTracker.Entries<OutboxMessage>()
                .Where(entry => entry.State == EntityState.Added)
                .Select(entry => entry.Entity.MessageId));
            snapshot.Discard();
        }
        else
        {
            _committing.Remove(context);
        }
    }

    void AfterCommit(DbContext? context)
    {
        if (context is not null && _committing.Remove(context))
            snapshot.Discard();
    }
}
