namespace Kommune20.Contracts.Meetings;

/// <summary>The invitation to a general assembly went out to every voting member; the agenda is fixed from now on.</summary>
public sealed record InvitationSent(Guid AssemblyId, string Title, DateTimeOffset StartsAt, IReadOnlyList<Guid> InvitedMemberIds,
    DateTimeOffset SentAt);
