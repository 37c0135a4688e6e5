namespace Kommune20.Data.Audit;

/// <summary>One action of the office (or a moderator): who did what to which thing, when, and the thing before and after (JSON).</summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public string? ActorName { get; set; }
    public required string Action { get; set; }
    public required string Subject { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}
