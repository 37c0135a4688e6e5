namespace Kommune20.Meetings.Assemblies;

/// <summary>
/// A person who represents a member at an assembly (Delegierte). Members name them; the office checks them in at the door.
/// A member counts as present while at least one of its delegates is checked in.
/// </summary>
public sealed class MemberDelegate
{
    public Guid Id { get; init; }
    public Guid AssemblyId { get; init; }
    public Guid MemberId { get; init; }
    /// <summary>The person's subject at the network's issuer: the voting page knows the delegate by it.</summary>
    public required string PersonId { get; init; }
    public required string Name { get; init; }
    public DateTimeOffset NamedAt { get; init; }
    public DateTimeOffset? CheckedInAt { get; set; }
}
