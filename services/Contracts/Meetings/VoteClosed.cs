namespace Kommune20.Contracts.Meetings;

/// <summary>A vote of a general assembly closed; its result never changes.</summary>
public sealed record VoteClosed(Guid VoteId, Guid AssemblyId, Guid MotionId, string MotionTitle, int Yes, int No, int Abstain,
    string Majority, bool Passed, DateTimeOffset ClosedAt);
