using Kommune20.Portal.Registry;

namespace Kommune20.Portal.Components.Pages.Office;

/// <summary>The office's member form as the browser posts it; the Registry decides what is valid.</summary>
public sealed class MemberForm
{
    public string? Kind { get; set; } = "city";
    public string? Name { get; set; }
    public string? Ags { get; set; }
    public string? FederalState { get; set; }
    public string? Website { get; set; }
    public DateOnly? MemberSince { get; set; }
    public string? Status { get; set; } = "active";
    public bool HasVotingRight { get; set; } = true;

    public static MemberForm From(Member member) => new()
    {
        Kind = member.Kind,
        Name = member.Name,
        Ags = member.Ags,
        FederalState = member.FederalState,
        Website = member.Website,
        MemberSince = member.MemberSince,
        Status = member.Status,
        HasVotingRight = member.HasVotingRight,
    };

    public MemberInput ToInput() => new(Kind, Blank(Name), Blank(Ags), Blank(FederalState), Blank(Website), MemberSince, Status, HasVotingRight);

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
