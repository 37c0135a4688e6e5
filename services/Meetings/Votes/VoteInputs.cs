namespace Kommune20.Meetings.Votes;

/// <summary>The office opens a vote on a motion, open (by show of cards) or secret.</summary>
public sealed record OpenVote(Guid? MotionId, bool Secret);

/// <summary>
/// A delegate's ballot for one member it votes for (its own, or one it holds a proxy of). To change a secret ballot the
/// delegate gives the receipt code it was handed.
/// </summary>
public sealed record CastBallot(Guid? MemberId, Choice? Choice, string? ReceiptCode);

/// <summary>What casting answered: the receipt code of a secret ballot, to check against the published tally.</summary>
public sealed record BallotReceipt(Guid VoteId, Guid MemberId, Choice Choice, string? ReceiptCode);

/// <summary>What a delegate may do in a vote: the members it votes for and, for an open vote, what it chose for each so far.</summary>
public sealed record MyBallots(VoteDto Vote, List<MyBallot> Members);

public sealed record MyBallot(Guid MemberId, string MemberName, Choice? Choice, bool Cast);

/// <summary>One line of a closed secret vote's published tally.</summary>
public sealed record PublishedBallot(string ReceiptCode, Choice Choice);
