using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.ServiceDefaults;

namespace Kommune20.CityNode.Network;

/// <summary>
/// The network's members and their consent, from the Registry through the gateway (anonymous): refreshed every
/// <see cref="NodeSettings.MembersRefresh"/> and asked afresh before every edit, so a withdrawn consent counts at once.
/// When the Registry does not answer, the last answer stands; before the first one, nobody may edit.
/// </summary>
public sealed class NetworkMembers(IHttpClientFactory clients, NodeSettings settings, ILogger<NetworkMembers> logger)
{
    IReadOnlyList<NetworkMember>? _known;

    /// <summary>The members; <paramref name="fresh"/> asks the Registry first. Null when the Registry was never reached.</summary>
    public async Task<IReadOnlyList<NetworkMember>?> GetAsync(bool fresh, CancellationToken cancellationToken)
    {
        if (!fresh && _known is not null)
            return _known;
        try
        {
            var http = clients.CreateClient(nameof(NetworkMembers));
            var url = new Uri(settings.RegistryUrl, $"/api/registry/members/{settings.MemberId}/memberships");
            _known = await http.GetFromJsonAsync<List<NetworkMember>>(url, Json.Options, cancellationToken) ?? [];
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "The Registry did not list the network's members; using what it said last");
        }
        return _known;
    }

    /// <summary>Keeps the list current for the desk between edits.</summary>
    internal sealed class Refresh(NetworkMembers members, NodeSettings settings) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(settings.MembersRefresh);
            do
            {
                await members.GetAsync(fresh: true, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
    }
}
