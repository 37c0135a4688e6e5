namespace Kommune20.Meetings.OParl;

/// <summary>The objects of one read, by kind.</summary>
public sealed class OParlObjects
{
    public List<OParlOrganization> Organizations { get; } = [];
    public List<OParlPerson> People { get; } = [];
    public List<OParlMeeting> Meetings { get; } = [];
    public List<OParlAgendaItem> AgendaItems { get; } = [];
    public List<OParlPaper> Papers { get; } = [];
    public List<OParlConsultation> Consultations { get; } = [];
    public List<OParlFile> Files { get; } = [];
    public List<OParlLocation> Locations { get; } = [];

    /// <summary>The objects of a kind (a path segment of <see cref="OParlKinds"/>); null for a kind there is not.</summary>
    public IReadOnlyList<IOParlObject>? OfKind(string kind) => kind switch
    {
        OParlKinds.Organizations => Organizations,
        OParlKinds.People => People,
        OParlKinds.Meetings => Meetings,
        OParlKinds.AgendaItems => AgendaItems,
        OParlKinds.Papers => Papers,
        OParlKinds.Consultations => Consultations,
        OParlKinds.Files => Files,
        OParlKinds.Locations => Locations,
        _ => null,
    };

    /// <summary>A chair or minute-taker becomes one person, whatever the number of assemblies naming them, with each role once.</summary>
    public void AddPerson(OParlUrls urls, string name, string role, DateTimeOffset named)
    {
        var id = urls.Object(OParlKinds.People, OParlPeople.KeyOf(name));
        var index = People.FindIndex(p => p.Id == id);
        if (index < 0)
            People.Add(new OParlPerson(id, urls.Body, name, [role]) { Created = named, Modified = named });
        else if (!People[index].Status.Contains(role))
            People[index] = People[index] with { Status = [.. People[index].Status, role], Modified = Later(People[index].Modified, named) };
    }

    static DateTimeOffset Later(DateTimeOffset? known, DateTimeOffset named) => known > named ? known.Value : named;
}
