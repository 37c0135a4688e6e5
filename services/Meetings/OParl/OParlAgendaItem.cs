namespace Kommune20.Meetings.OParl;

/// <summary>An item of an invited assembly's agenda; once its motion's vote is closed, the result.</summary>
public sealed record OParlAgendaItem(string Id, string Meeting, string Number, int Order, string Name, DateTimeOffset Created,
    DateTimeOffset Modified) : IOParlObject
{
    public string Type => OParlType.Of("AgendaItem");
    public bool Public => true;
    /// <summary>The consultation of the motion under this item.</summary>
    public string? Consultation { get; init; }
    /// <summary>"angenommen" or "abgelehnt", with the counts.</summary>
    public string? Result { get; init; }
    /// <summary>The motion's text, when it was passed.</summary>
    public string? ResolutionText { get; init; }

    DateTimeOffset? IOParlObject.Created => Created;
    DateTimeOffset? IOParlObject.Modified => Modified;
}
