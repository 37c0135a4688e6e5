namespace Kommune20.Contracts.Federation;

/// <summary>An update to a pilot project: announced as <see cref="ProjectUpdatePosted"/> on every version.</summary>
public sealed class ProjectUpdateDescriptor : RecordDescriptor<ProjectUpdateRecord>
{
    public override RecordKind Kind => RecordKind.ProjectUpdate;
    public override int KindCode => 3;
    public override int ChangeField => 12;

    public override ProjectUpdateRecord Normalize(ProjectUpdateRecord update) => update with
    {
        ProjectKey = Trim(update.ProjectKey),
        Title = Trim(update.Title),
        Text = Trim(update.Text),
    };

    public override Dictionary<string, string[]> Validate(ProjectUpdateRecord update) => RecordRules.Validate(update);

    public override string? TitleOf(ProjectUpdateRecord update) => update.Title;

    public override Visibility VisibilityOf(ProjectUpdateRecord update) => update.Visibility;

    public override void AnnouncePublished(IRecordEvents events, RecordOrigin origin, ProjectUpdateRecord update, bool wasLive) =>
        events.Add(new ProjectUpdatePosted(origin, update));

    public override void AnnounceWithdrawn(IRecordEvents events, RecordOrigin origin) => events.Add(new ProjectUpdateWithdrawn(origin));
}
