using System.Security.Claims;
using System.Text.Json;
using Kommune20.ServiceDefaults;
using Kommune20.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kommune20.Data.Audit;

/// <summary>
/// The append-only log of the office's actions in a service's own database. An action stages its entry with
/// <see cref="AddAuditEntry"/> and commits it in the same SaveChanges as the change itself; entries are never changed
/// or removed (<see cref="AppendOnly"/> refuses such a SaveChanges, and no API offers it).
/// </summary>
public static class AuditLog
{
    public static ModelBuilder AddAuditLog(this ModelBuilder model)
    {
        model.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("audit_log");
            entry.HasKey(e => e.Sequence);
            entry.Property(e => e.Sequence).ValueGeneratedOnAdd();
            entry.Property(e => e.Actor).HasMaxLength(200);
            entry.Property(e => e.ActorName).HasMaxLength(200);
            entry.Property(e => e.Action).HasMaxLength(100);
            entry.Property(e => e.Subject).HasMaxLength(300);
        });
        return model;
    }

    /// <summary>Stages the entry for <paramref name="actor"/>'s action; <paramref name="before"/> and <paramref name="after"/> are stored as JSON.</summary>
    public static void AddAuditEntry(this DbContext db, ClaimsPrincipal actor, string action, string subject, object? before, object? after) =>
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            At = DateTimeOffset.UtcNow,
            Actor = actor.FindFirstValue(Kommune20Claims.Subject) ?? "unbekannt",
            ActorName = actor.FindFirstValue(Kommune20Claims.Name),
            Action = action,
            Subject = subject,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json.Options),
            After = after is null ? null : JsonSerializer.Serialize(after, Json.Options),
        });

    /// <summary>Refuses any SaveChanges that would change or remove an audit entry.</summary>
    public static readonly ISaveChangesInterceptor AppendOnly = new AppendOnlyInterceptor();

    sealed class AppendOnlyInterceptor : SaveChangesInterceptor
    {
        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Check(eventData.Context);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            Check(eventData.Context);
            return ValueTask.FromResult(result);
        }

        static void Check(DbContext? db)
        {
            if (db?.ChangeTracker.Entries<AuditEntry>().Any(entry => entry.State is EntityState.Modified or EntityState.Deleted) == true)
                throw new InvalidOperationException("The audit log is append-only: its entries are never changed or removed.");
        }
    }
}
