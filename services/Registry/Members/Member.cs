namespace Kommune20.Registry.Members;

/// <summary>An organisation in the association's register: a member with a vote or a partner institution without one.</summary>
public sealed class Member
{
    public Guid Id { get; set; }
    public MemberKind Kind { get; set; }
    public required string Name { get; set; }

    /// <summary>The name folded for ordering (umlauts spelled out, lower case), so "Ärzte" sorts with "Aerzte".</summary>
    public string SortKey { get; set; } = "";

    /// <summary>Amtlicher Gemeindeschlüssel, 8 digits; required for cities and counties.</summary>
    public string? Ags { get; set; }
    public string? FederalState { get; set; }
    public string? Website { get; set; }
    public DateOnly? MemberSince { get; set; }
    public MemberStatus Status { get; set; }
    public bool HasVotingRight { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>May this member vote today? Only active members whose vote is granted; partners never.</summary>
    public bool MayVote => HasVotingRight && Status == MemberStatus.Active && Kind != MemberKind.PartnerInstitution;

    public static string SortKeyOf(string name) => name.Trim().ToLowerInvariant()
        .Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("ß", "ss")
        .TrimStart('#');
}
