namespace Kommune20.Portal.Meetings;

/// <summary>A person named to represent its member at an assembly; present while checked in.</summary>
public sealed record AssemblyDelegate(Guid Id, Guid MemberId, string MemberName, string PersonId, string Name, DateTimeOffset NamedAt,
    DateTimeOffset? CheckedInAt);

/// <summary>The live quorum: voting members, present, represented by proxy, and how many the statutes require.</summary>
public sealed record Quorum(int VotingMembers, int Present, int Represented, int Required, bool Reached, int QuorumPercent);

/// <summary>A member's vote given to another member (Stimmrechtsübertragung); in force until revoked.</summary>
public sealed record Proxy(Guid Id, Guid GrantorId, string GrantorName, Guid HolderId, string HolderName, DateTimeOffset GivenAt,
    DateTimeOffset? RevokedAt)
{
    public bool InForce => RevokedAt is null;
}

/// <summary>The members a delegate votes for in one vote, and for an open vote what it chose so far.</summary>
public sealed record MyBallots(Vote Vote, List<MyBallot> Members);

public sealed record MyBallot(Guid MemberId, string MemberName, Choice? Choice, bool Cast);

/// <summary>What casting answered; a secret ballot's receipt code lets the voter find it in the published list.</summary>
public sealed record BallotReceipt(Guid VoteId, Guid MemberId, Choice Choice, string? ReceiptCode);

/// <summary>One line of a closed secret vote's published ballots.</summary>
public sealed record PublishedBallot(string ReceiptCode, Choice Choice);

/// <summary>An assembly's minutes: a draft (the office's) or final (everyone's), and who approved when.</summary>
public sealed record MinutesState(Guid AssemblyId, string Status, string Markdown, DateTimeOffset GeneratedAt, string? ApprovedByChair,
    DateTimeOffset? ChairApprovedAt, string? ApprovedByMinuteTaker, DateTimeOffset? MinuteTakerApprovedAt, DateTimeOffset? FinalAt)
{
    public bool IsFinal => FinalAt is not null;
}
