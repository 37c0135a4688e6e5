namespace Kommune20.Meetings.Votes;

/// <summary>That a member voted in a secret vote, and when; what it voted is in a <see cref="SecretBallot"/> it is not linked to.</summary>
public sealed class BallotCast
{
    public Guid VoteId { get; init; }
    public Guid MemberId { get; init; }
    public DateTimeOffset CastAt { get; init; }
}
