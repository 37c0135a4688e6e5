namespace Kommune20.Meetings.Assemblies.Rules;

/// <summary>A member (the grantor) gives its vote in writing to another member (the holder).</summary>
public readonly record struct ProxyGrant(Guid Grantor, Guid Holder);
