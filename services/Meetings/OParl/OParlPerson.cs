namespace Kommune20.Meetings.OParl;

/// <summary>
/// A person named in an invitation as chair or minute-taker: the name and the role, which the invitation made public,
/// and nothing else about them.
/// </summary>
public sealed record OParlPerson(string Id, string Body, string Name, List<string> Status) : IOParlObject
{
    public string Type => OParlType.Of("Person");
    public DateTimeOffset? Created { get; init; }
    public DateTimeOffset? Modified { get; init; }
}
