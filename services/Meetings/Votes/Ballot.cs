namespace Kommune20.Meetings.Votes;

/// <summary>An open vote's ballot: one per member on the roll, changeable until the vote closes.</summary>
public sealed class Ballot
{
    public Guid VoteId { get; init; }
    /// <summary>The member whose vote this is (itself present, or represented by proxy).</summary>
    public Guid MemberId { get; init; }
    /// <summary>The delegate who cast it, by subject.</summary>
    public required string CastBy { get; set; }
    public Choice Choice { get; set; }
    public DateTimeOffset CastAt { get; set; }
}
