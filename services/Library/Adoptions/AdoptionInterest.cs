namespace Kommune20.Library.Adoptions;

/// <summary>A member wants to adopt a practice, e.g. as a panelist said in an exchange session.</summary>
public sealed class AdoptionInterest
{
    public Guid Id { get; set; }
    public Guid PracticeId { get; set; }
    public Guid OriginMemberId { get; set; }
    public Guid MemberId { get; set; }
    public required string Statement { get; set; }
    public string? Source { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
}
