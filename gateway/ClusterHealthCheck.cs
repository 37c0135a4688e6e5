using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Kommune20.Gateway;

/// <summary>
/// Whether the REST clusters in the proxy configuration have a destination whose <c>/health/ready</c> answers.
/// Readiness does not cascade: the gateway is ready while the Registry is, which issues and vouches for every token
/// (<c>Gateway:RequiredClusters</c>); another service being down only degrades it, because the gateway goes on serving
/// every other route and answers 503 on that service's (<see cref="UnreachableBackend"/>). HTTP/2-only (gRPC) clusters
/// are skipped: their service is probed through its REST cluster.
/// </summary>
public sealed class ClusterHealthCheck(IProxyStateLookup proxy, IHttpClientFactory httpClients, IConfiguration configuration) : IHealthCheck
{
    public const string HttpClientName = "cluster-readiness";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var clusters = proxy.GetClusters().Where(SpeaksHttp11).OrderBy(cluster => cluster.ClusterId, StringComparer.Ordinal);
        var verdicts = await Task.WhenAll(clusters.Select(cluster => CheckClusterAsync(cluster, cancellationToken)));
        var notReady = verdicts.Where(verdict => verdict.Problem is not null).ToList();

        if (notReady.Count == 0)
            return HealthCheckResult.Healthy("Ready: " + string.Join(", ", verdicts.Select(verdict => verdict.ClusterId)));

        var required = configuration.GetSection("Gateway:RequiredClusters").Get<string[]>() ?? ["registry"];
        var description = "Not ready: " + string.Join("; ", notReady.Select(verdict => $"{verdict.ClusterId} ({verdict.Problem})"));
        return notReady.Any(verdict => required.Contains(verdict.ClusterId, StringComparer.Ordinal))
            ? HealthCheckResult.Unhealthy(description)
            : HealthCheckResult.Degraded(description);
    }

    static bool SpeaksHttp11(ClusterState cluster) =>
        cluster.Model.Config.HttpRequest is not
        {
            Version.Major: >= 2,
            VersionPolicy: HttpVersionPolicy.RequestVersionExact or HttpVersionPolicy.RequestVersionOrHigher,
        };

    async Task<(string ClusterId, string? Problem)> CheckClusterAsync(ClusterState cluster, CancellationToken cancellationToken)
    {
        var destinations = cluster.Destinations.Values.Select(destination => destination.Model.Config).ToList();
        if (destinations.Count == 0)
            return (cluster.ClusterId, "no destinations");

        var problems = await Task.WhenAll(destinations.Select(destination =>
            ProbeAsync(destination.Health ?? destination.Address, cancellationToken)));
        return problems.Any(problem => problem is null)
            ? (cluster.ClusterId, null)
            : (cluster.ClusterId, string.Join(", ", problems));
    }

    async Task<string?> ProbeAsync(string address, CancellationToken cancellationToken)
    {
        var readiness = address.TrimEnd('/') + "/health/ready";
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).GetAsync(readiness, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"{readiness} answered {(int)response.StatusCode}";
        }
        catch (Exception exception) when (exception is HttpRequestException
                                          || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return $"{readiness} unreachable: {exception.Message}";
        }
    }
}
