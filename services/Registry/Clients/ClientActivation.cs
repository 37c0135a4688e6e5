using System.Text.Json;
using OpenIddict.Abstractions;

namespace Kommune20.Registry.Clients;

/// <summary>
/// Whether the office has switched a client off (a node's or relay's credential, a hub service, a web application). Kept
/// as a property of the OpenIddict application, which every kind of client has; a switched-off client gets no token.
/// </summary>
public static class ClientActivation
{
    const string DeactivatedAt = "k20_deactivated_at";

    public static string Refusal(string clientId) =>
        $"Der Client \"{clientId}\" ist abgeschaltet; die Geschäftsstelle kann ihn wieder freischalten.";

    public static async Task<bool> IsDeactivatedAsync(this IOpenIddictApplicationManager applications, string? clientId, CancellationToken ct) =>
        clientId is not null && await applications.FindByClientIdAsync(clientId, ct) is { } application
            && (await applications.GetPropertiesAsync(application, ct)).ContainsKey(DeactivatedAt);

    /// <summary>False when there is no such client.</summary>
    public static async Task<bool> SetActiveAsync(this IOpenIddictApplicationManager applications, string clientId, bool active,
        DateTimeOffset now, CancellationToken ct)
    {
        if (await applications.FindByClientIdAsync(clientId, ct) is not { } application)
            return false;
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, ct);
        if (active)
            descriptor.Properties.Remove(DeactivatedAt);
        else if (!descriptor.Properties.ContainsKey(DeactivatedAt))
            descriptor.Properties[DeactivatedAt] = JsonSerializer.SerializeToElement(now);
        await applications.UpdateAsync(application, descriptor, ct);
        return true;
    }
}
