using Kommune20.Meetings.Assemblies.Rules;

namespace Kommune20.Meetings.Assemblies;

/// <summary>A motion (Antrag) to an assembly, filed by a member before the deadline or by the office for its agenda.</summary>
public sealed class Motion
{
    public Guid Id { get; init; }
    public Guid AssemblyId { get; init; }
    /// <summary>The agenda item the office put it under; null until then.</summary>
    public Guid? AgendaItemId { get; set; }
    /// <summary>The member that files it; null for the office's own motions.</summary>
    public Guid? FiledBy { get; init; }
    public required string Title { get; init; }
    public required string Text { get; init; }
    public DecisionKind Kind { get; init; }
    public DateTimeOffset FiledAt { get; init; }
    public List<Amendment> Amendments { get; init; } = [];
}

/// <summary>A change to a motion's text (Änderungsantrag), filed by a member.</summary>
public sealed class Amendment
{
    public Guid Id { get; init; }
    public Guid MotionId { get; init; }
    public Guid FiledBy { get; init; }
    public required string Text { get; init; }
    public DateTimeOffset FiledAt { get; init; }
}
