namespace Kommune20.Meetings.Attendance;

/// <summary>
/// Naming a delegate. A member's person names itself (the token says who and for which member); the office, at the door,
/// names any member's person with all three fields.
/// </summary>
public sealed record DelegateInput(Guid? MemberId, string? PersonId, string? Name);

public sealed record DelegateDto(Guid Id, Guid MemberId, string MemberName, string PersonId, string Name, DateTimeOffset NamedAt,
    DateTimeOffset? CheckedInAt);
