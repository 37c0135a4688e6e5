using Kommune20.Meetings.Assemblies.Rules;

namespace Kommune20.Meetings.Proceedings;

/// <summary>What the minutes of an assembly record, gathered from the database and the register; <see cref="MinutesWriter"/> writes it.</summary>
public sealed record MinutesRecord(
    string Title,
    string? Place,
    string? OnlineUrl,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset InvitedAt,
    string Chair,
    string MinuteTaker,
    int NoticeDays,
    QuorumFigures Quorum,
    IReadOnlyList<string> Agenda,
    IReadOnlyList<PresentMember> Present,
    IReadOnlyList<RepresentedMember> Represented,
    IReadOnlyList<VoteRecord> Votes);

/// <summary>Voting members, those present and represented, and how many the statutes require.</summary>
public sealed record QuorumFigures(int VotingMembers, int Present, int Represented, int Required)
{
    public bool Reached => Present + Represented >= Required;
}

public sealed record PresentMember(string Name, IReadOnlyList<CheckedInDelegate> Delegates);

public sealed record CheckedInDelegate(string Name, DateTimeOffset CheckedInAt);

public sealed record RepresentedMember(string Name, string Holder);

/// <summary>A closed vote: the motion, how it was voted on, the quorum at its opening and its result.</summary>
public sealed record VoteRecord(
    string MotionTitle,
    string MotionText,
    DecisionKind Kind,
    string FiledBy,
    IReadOnlyList<string> Amendments,
    bool Secret,
    DateTimeOffset OpenedAt,
    DateTimeOffset ClosedAt,
    QuorumFigures Quorum,
    Majority Majority,
    Tally Result,
    int YesNeeded,
    bool Passed);

/// <summary>Who approved the minutes in one role (chair or minute-taker), and when.</summary>
public sealed record MinutesApproval(string Name, DateTimeOffset At);
