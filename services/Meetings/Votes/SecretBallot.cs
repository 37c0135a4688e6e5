namespace Kommune20.Meetings.Votes;

/// <summary>
/// A secret vote's ballot. It is stored apart from the record of who voted (<see cref="BallotCast"/>) and carries no
/// member: only the receipt code its voter was given, which the published tally lists after the close.
/// </summary>
public sealed class SecretBallot
{
    public Guid Id { get; init; }
    public Guid VoteId { get; init; }
    public required string ReceiptCode { get; init; }
    public Choice Choice { get; set; }
}
