namespace Kommune20.Portal.Registry;

/// <summary>A person or client locked out of signing in after too many failures (<c>/api/registry/lockouts</c>, office only).</summary>
/// <param name="Kind"><c>person</c> or <c>client</c>.</param>
/// <param name="Id">The person's id or the client id.</param>
public sealed record Lockout(string Kind, string Id, string Name, Guid MemberId, string MemberName, int Failures, DateTimeOffset LockedUntil)
{
    public bool IsPerson => Kind == "person";

    /// <summary>Where the office lifts it.</summary>
    public string LiftPath => IsPerson
        ? $"/api/registry/people/{Uri.EscapeDataString(Id)}/lockout"
        : $"/api/registry/members/{MemberId}/clients/{Uri.EscapeDataString(Id)}/lockout";
}
