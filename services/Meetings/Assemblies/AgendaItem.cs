namespace Kommune20.Meetings.Assemblies;

/// <summary>An item of an assembly's agenda (Tagesordnungspunkt); one that decides something carries a motion.</summary>
public sealed class AgendaItem
{
    public Guid Id { get; init; }
    public Guid AssemblyId { get; init; }
    public int Position { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public List<AgendaDocument> Documents { get; set; } = [];
}

/// <summary>A document the members read before an item: a title and where it is.</summary>
public sealed record AgendaDocument(string Title, Uri Url);
