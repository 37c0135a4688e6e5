namespace Kommune20.Portal.Meetings;

public sealed record AssemblyInput(string? Title, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Place, string? OnlineUrl,
    string? Chair, string? MinuteTaker);

public sealed record AgendaItemInput(string? Title, string? Description, List<DocumentInput> Documents, Guid? MotionId);

public sealed record DocumentInput(string? Title, string? Url);

public sealed record MotionInput(string? Title, string? Text, DecisionKind? Kind);

/// <summary>The office names a member's person at the door; a delegate names itself with an empty body.</summary>
public sealed record DelegateInput(Guid? MemberId, string? PersonId, string? Name);

public sealed record ProxyInput(Guid? GrantorId, Guid? HolderId);

public sealed record OpenVote(Guid? MotionId, bool Secret);

public sealed record CastBallot(Guid? MemberId, Choice? Choice, string? ReceiptCode);
