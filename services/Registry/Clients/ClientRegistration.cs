namespace Kommune20.Registry.Clients;

/// <summary>Which member an OAuth client (a city node, an integration) speaks for, and with which roles.</summary>
public sealed class ClientRegistration
{
    public required string ClientId { get; set; }
    public Guid MemberId { get; set; }
    public List<string> Roles { get; set; } = [];
}
