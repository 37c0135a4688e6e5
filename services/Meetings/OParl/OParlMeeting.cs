namespace Kommune20.Meetings.OParl;

/// <summary>An invited general assembly, with its agenda and, once final, its minutes.</summary>
public sealed record OParlMeeting(string Id, string Name, string MeetingState, DateTimeOffset Start, DateTimeOffset End,
    List<string> Organization, List<string> Participant, List<OParlAgendaItem> AgendaItem, DateTimeOffset Created,
    DateTimeOffset Modified) : IOParlObject
{
    public string Type => OParlType.Of("Meeting");
    public bool Cancelled => false;
    public OParlLocation? Location { get; init; }
    /// <summary>The final minutes as PDF (Ergebnisprotokoll).</summary>
    public OParlFile? ResultsProtocol { get; init; }
    /// <summary>The final minutes as HTML.</summary>
    public List<OParlFile>? AuxiliaryFile { get; init; }

    DateTimeOffset? IOParlObject.Created => Created;
    DateTimeOffset? IOParlObject.Modified => Modified;
}

/// <summary>Where an assembly meets: the place the office gave, or its online link.</summary>
public sealed record OParlLocation(string Id, string Description, List<string> Meetings, DateTimeOffset? Created,
    DateTimeOffset? Modified) : IOParlObject
{
    public string Type => OParlType.Of("Location");
}
