namespace Kommune20.Contracts.Federation;

/// <summary>A city's event: published, updated and withdrawn as <see cref="CityEventRecord"/>.</summary>
public sealed class CityEventDescriptor : RecordDescriptor<CityEventRecord>
{
    public override RecordKind Kind => RecordKind.CityEvent;
    public override int KindCode => 4;
    public override int ChangeField => 14;

    public override CityEventRecord Normalize(CityEventRecord cityEvent) => cityEvent with
    {
        Title = Trim(cityEvent.Title),
        Description = Blank(cityEvent.Description),
        StartsAt = cityEvent.StartsAt.ToUniversalTime(),
        EndsAt = cityEvent.EndsAt.ToUniversalTime(),
        Place = Blank(cityEvent.Place),
        OnlineUrl = Blank(cityEvent.OnlineUrl),
        Link = Blank(cityEvent.Link),
    };

    public override Dictionary<string, string[]> Validate(CityEventRecord cityEvent) => RecordRules.Validate(cityEvent);

    public override string? TitleOf(CityEventRecord cityEvent) => cityEvent.Title;

    public override Visibility VisibilityOf(CityEventRecord cityEvent) => cityEvent.Visibility;

    public override void AnnouncePublished(IRecordEvents events, RecordOrigin origin, CityEventRecord cityEvent, bool wasLive)
    {
        if (wasLive)
            events.Add(new CityEventUpdated(origin, cityEvent));
        else
            events.Add(new CityEventPublished(origin, cityEvent));
    }

    public override void AnnounceWithdrawn(IRecordEvents events, RecordOrigin origin) => events.Add(new CityEventWithdrawn(origin));
}
