namespace Kommune20.Registry.Clients;

/// <summary>A node credential as the office asks for it: the client id the node signs in with and a name people read.</summary>
public sealed record NodeClientInput(string? ClientId, string? DisplayName);

/// <summary>The registered credential; the secret is in this answer only (the Registry keeps it hashed).</summary>
public sealed record NodeClientCreated(string ClientId, string ClientSecret, string DisplayName, Guid MemberId, IReadOnlyList<string> Roles);
