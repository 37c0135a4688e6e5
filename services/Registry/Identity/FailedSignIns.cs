namespace Kommune20.Registry.Identity;

/// <summary>Failed sign-ins under one key (a person's user name, a client id or an address) since the last success.</summary>
public sealed class FailedSignIns
{
    public required string Key { get; set; }
    public int Count { get; set; }
    public DateTimeOffset LastFailureAt { get; set; }
    public DateTimeOffset LockedUntil { get; set; }
}
