namespace Kommune20.Portal.Registry;

/// <summary>A person who signs in for a member, in the roles the member gave them (office only).</summary>
public sealed record Person(Guid Id, string UserName, string Name, Guid MemberId, IReadOnlyList<string> Roles, bool IsActive);

public sealed record PersonInput(string? UserName, string? Name, Guid? MemberId, IReadOnlyList<string>? Roles, string? Password, bool? IsActive);
