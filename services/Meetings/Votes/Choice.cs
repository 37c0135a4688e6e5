namespace Kommune20.Meetings.Votes;

/// <summary>What a ballot says: Ja, Nein, Enthaltung.</summary>
public enum Choice
{
    Yes,
    No,
    Abstain,
}
