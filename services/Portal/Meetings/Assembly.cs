namespace Kommune20.Portal.Meetings;

/// <summary>An assembly in the list (<c>GET /api/meetings/assemblies</c>); drafts appear for the office only.</summary>
public sealed record AssemblySummary(Guid Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place,
    string? OnlineUrl, DateTimeOffset? InvitedAt, bool MinutesFinal);

/// <summary>An assembly with its agenda, motions and votes (<c>GET /api/meetings/assemblies/{id}</c>).</summary>
public sealed record AssemblyDetail(Guid Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place,
    string? OnlineUrl, string Chair, string MinuteTaker, DateTimeOffset? InvitedAt, DateTimeOffset InvitationDeadline,
    DateTimeOffset MotionDeadline, List<AgendaItem> Agenda, List<Motion> Motions, List<Vote> Votes, bool MinutesFinal)
{
    public AssemblySummary Summary => new(Id, Title, StartsAt, EndsAt, Place, OnlineUrl, InvitedAt, MinutesFinal);

    public Vote? VoteOn(Guid motionId) => Votes.FirstOrDefault(v => v.MotionId == motionId);

    public IEnumerable<Vote> OpenVotes => Votes.Where(v => v.IsOpen);

    /// <summary>Motions not yet put to a vote, which the office may open one on.</summary>
    public IEnumerable<Motion> MotionsToVote => Motions.Where(m => VoteOn(m.Id) is null);
}

public sealed record AgendaItem(Guid Id, int Position, string Title, string? Description, List<AgendaDocument> Documents, List<Guid> MotionIds);

public sealed record AgendaDocument(string Title, Uri Url);

public sealed record Motion(Guid Id, Guid? AgendaItemId, Guid? FiledBy, string Title, string Text, DecisionKind Kind, DateTimeOffset FiledAt,
    List<Amendment> Amendments);

public sealed record Amendment(Guid Id, Guid FiledBy, string Text, DateTimeOffset FiledAt);

/// <summary>A vote on a motion; the counts and the outcome are null while it is open.</summary>
public sealed record Vote(Guid Id, Guid MotionId, string MotionTitle, bool Secret, Majority Majority, DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt, int VotingMembers, int QuorumRequired, int Present, int Represented, int? Yes, int? No, int? Abstain,
    int? YesNeeded, bool? Passed)
{
    public bool IsOpen => ClosedAt is null;
}

/// <summary>What a motion decides; the statutes say which majority each kind needs.</summary>
public enum DecisionKind
{
    Resolution,
    Election,
    StatuteChange,
    Dissolution,
}

public enum Majority
{
    Simple,
    TwoThirds,
    ThreeQuarters,
    AbsoluteOfMembers,
}

public enum Choice
{
    Yes,
    No,
    Abstain,
}
