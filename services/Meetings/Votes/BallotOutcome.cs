namespace Kommune20.Meetings.Votes;

/// <summary>A ballot as the delegate cast it, checked already for whom the delegate votes.</summary>
public sealed record BallotRequest(Guid VoteId, Guid MemberId, Choice Choice, string CastBy, string? ReceiptCode);

/// <summary>What became of a ballot in the <see cref="BallotBox"/>.</summary>
public abstract record BallotOutcome
{
    /// <summary>Counted; a secret ballot's receipt code with it.</summary>
    public sealed record Accepted(string? Receipt) : BallotOutcome;

    public sealed record VoteNotFound : BallotOutcome;

    public sealed record VoteClosed : BallotOutcome;

    /// <summary>A secret vote's member voted already, and the ballot did not name the receipt of that first ballot.</summary>
    public sealed record AlreadyCast : BallotOutcome;

    /// <summary>Another instance stored a ballot for the member at the same moment; the database kept that one.</summary>
    public sealed record JustCast : BallotOutcome;
}
