namespace Kommune20.Meetings.Assemblies;

/// <summary>A member's vote given in writing to another member for one assembly; revocable until a vote opens.</summary>
public sealed class Proxy
{
    public Guid Id { get; init; }
    public Guid AssemblyId { get; init; }
    public Guid GrantorId { get; init; }
    public Guid HolderId { get; init; }
    public DateTimeOffset GivenAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
}
