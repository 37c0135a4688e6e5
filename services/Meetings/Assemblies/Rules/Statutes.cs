namespace Kommune20.Meetings.Assemblies.Rules;

/// <summary>
/// What the association's statutes say about its general assemblies (configuration section <c>Meetings:Statutes</c>).
/// The law leaves notice, quorum, proxies and majorities to the statutes; the defaults are common ones, not the law's.
/// </summary>
public sealed class Statutes
{
    /// <summary>Days between the invitation and the assembly's start (Einladungsfrist), four weeks by default.</summary>
    public int NoticeDays { get; init; } = 28;

    /// <summary>Days before the assembly's start by which members file motions (Antragsfrist).</summary>
    public int MotionDeadlineDays { get; init; } = 14;

    /// <summary>The share of voting members, in percent, that must be present or represented for a vote to open (Beschlussfähigkeit).</summary>
    public int QuorumPercent { get; init; } = 50;

    /// <summary>How many other members' votes one member may carry by proxy (Stimmrechtsübertragung).</summary>
    public int ProxiesPerHolder { get; init; } = 2;

    public Dictionary<DecisionKind, Majority> Majorities { get; init; } = new()
    {
        [DecisionKind.Resolution] = Majority.Simple,
        [DecisionKind.Election] = Majority.Simple,
        [DecisionKind.StatuteChange] = Majority.ThreeQuarters,
        [DecisionKind.Dissolution] = Majority.ThreeQuarters,
    };

    public Majority MajorityFor(DecisionKind kind) => Majorities.GetValueOrDefault(kind, Majority.Simple);

    /// <summary>The members that must be present or represented: the quorum's share of the voting members, rounded up, at least one.</summary>
    public int QuorumOf(int votingMembers) => Math.Max(1, (votingMembers * QuorumPercent + 99) / 100);

    /// <summary>The latest moment an invitation may go out for an assembly starting at <paramref name="start"/>.</summary>
    public DateTimeOffset InvitationDeadline(DateTimeOffset start) => start.AddDays(-NoticeDays);

    public DateTimeOffset MotionDeadline(DateTimeOffset start) => start.AddDays(-MotionDeadlineDays);

    /// <summary>How much too late an invitation sent at <paramref name="now"/> is, or null when it keeps the notice period.</summary>
    public TimeSpan? InvitationLateBy(DateTimeOffset now, DateTimeOffset start) =>
        now > InvitationDeadline(start) ? now - InvitationDeadline(start) : null;
}
