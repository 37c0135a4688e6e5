namespace Kommune20.Library.Members;

/// <summary>
/// What the library shows about a member next to its practices and adoptions: name, federal state and the networks it
/// belongs to (transitively), as the Registry answered. <see cref="Found"/> is false while the Registry did not answer
/// or does not know the member; such a card is asked for again after a while.
/// </summary>
public sealed class MemberCard
{
    public Guid MemberId { get; set; }
    public bool Found { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Ags { get; set; }
    public string? FederalState { get; set; }
    public List<Guid> NetworkIds { get; set; } = [];
    public List<string> NetworkNames { get; set; } = [];
    public DateTimeOffset FetchedAt { get; set; }
}
