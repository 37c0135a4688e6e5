namespace Kommune20.Meetings.OParl;

/// <summary>A motion (Antrag) to an invited assembly.</summary>
public sealed record OParlPaper(string Id, string Body, string Name, DateOnly Date, string PaperType,
    List<OParlConsultation> Consultation, DateTimeOffset Created, DateTimeOffset Modified) : IOParlObject
{
    public string Type => OParlType.Of("Paper");
    /// <summary>The member that filed it; absent for the office's motions and for a member no longer in the register.</summary>
    public List<string>? OriginatorOrganization { get; init; }

    DateTimeOffset? IOParlObject.Created => Created;
    DateTimeOffset? IOParlObject.Modified => Modified;
}

/// <summary>The general assembly's deciding on a motion under an item of its agenda.</summary>
public sealed record OParlConsultation(string Id, string Paper, string AgendaItem, string Meeting, List<string> Organization,
    DateTimeOffset Created, DateTimeOffset Modified) : IOParlObject
{
    public string Type => OParlType.Of("Consultation");
    public bool Authoritative => true;
    public string Role => "Beschlussfassung";

    DateTimeOffset? IOParlObject.Created => Created;
    DateTimeOffset? IOParlObject.Modified => Modified;
}
