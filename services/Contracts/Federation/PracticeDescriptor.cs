namespace Kommune20.Contracts.Federation;

/// <summary>A best practice: published, updated and withdrawn as <see cref="PracticeRecord"/>.</summary>
public sealed class PracticeDescriptor : RecordDescriptor<PracticeRecord>
{
    public override RecordKind Kind => RecordKind.Practice;
    public override int KindCode => 1;
    public override int ChangeField => 10;

    public override PracticeRecord Normalize(PracticeRecord practice) => practice with
    {
        Title = Trim(practice.Title),
        Summary = Blank(practice.Summary),
        Goal = Trim(practice.Goal),
        Description = Trim(practice.Description),
        Topics = Words(practice.Topics),
        SdgTargets = Words(practice.SdgTargets).Select(SdgTargets.Canonical).Distinct(StringComparer.Ordinal).ToList(),
        Beneficiaries = Words(practice.Beneficiaries),
        Contacts = Each(practice.Contacts, contact => contact with
        {
            Role = Trim(contact.Role),
            Organisation = Trim(contact.Organisation),
            Name = Blank(contact.Name),
            Email = Blank(contact.Email),
        }),
        FundingProgramme = Blank(practice.FundingProgramme),
        Links = Each(practice.Links, link => link with { Title = Trim(link.Title), Url = Trim(link.Url) }),
        SourceProjectKey = Blank(practice.SourceProjectKey),
    };

    public override Dictionary<string, string[]> Validate(PracticeRecord practice) => RecordRules.Validate(practice);

    public override string? TitleOf(PracticeRecord practice) => practice.Title;

    public override Visibility VisibilityOf(PracticeRecord practice) => practice.Visibility;

    public override void AnnouncePublished(IRecordEvents events, RecordOrigin origin, PracticeRecord practice, bool wasLive)
    {
        if (wasLive)
            events.Add(new PracticeUpdated(origin, practice));
        else
            events.Add(new PracticePublished(origin, practice));
    }

    public override void AnnounceWithdrawn(IRecordEvents events, RecordOrigin origin) => events.Add(new PracticeWithdrawn(origin));
}
