namespace Kommune20.Contracts.Federation;

/// <summary>A city's profile: one per city, announced as <see cref="CityProfileUpdated"/> on every version.</summary>
public sealed class CityProfileDescriptor : RecordDescriptor<CityProfileRecord>
{
    public override RecordKind Kind => RecordKind.CityProfile;
    public override int KindCode => 2;
    public override int ChangeField => 11;

    public override CityProfileRecord Normalize(CityProfileRecord profile) => profile with
    {
        Organisation = Trim(profile.Organisation),
        Milestones = Each(profile.Milestones, milestone => milestone with { When = Trim(milestone.When), What = Trim(milestone.What) }),
        Motivation = Blank(profile.Motivation),
        Stakeholders = Blank(profile.Stakeholders),
        Networks = Words(profile.Networks),
        CompetitionsAndFunding = Words(profile.CompetitionsAndFunding),
    };

    public override Dictionary<string, string[]> Validate(CityProfileRecord profile) => RecordRules.Validate(profile);

    public override string? TitleOf(CityProfileRecord profile) => null;

    public override Visibility VisibilityOf(CityProfileRecord profile) => profile.Visibility;

    public override void AnnouncePublished(IRecordEvents events, RecordOrigin origin, CityProfileRecord profile, bool wasLive) =>
        events.Add(new CityProfileUpdated(origin, profile));

    public override void AnnounceWithdrawn(IRecordEvents events, RecordOrigin origin) => events.Add(new CityProfileWithdrawn(origin));
}
