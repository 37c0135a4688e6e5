using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Kommune20.Gateway;

/// <summary>
/// The gateway is ready when every REST cluster in the proxy configuration has a destination whose
/// <c>/health/ready</c> answers. HTTP/2-only (gRPC) clusters are skipped: their service is probed through its REST cluster.
/// </summary>
public sealed class ClusterHealthCheck(IProxyStateLookup proxy, IHttpClientFactory httpClients) : IHealthCheck
{
    public const string HttpClientName = "cluster-readiness";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var clusters = proxy.GetClusters().Where(SpeaksHttp11).OrderBy(cluster => cluster.ClusterId, StringComparer.Ordinal);
        var verdicts = await Task.WhenAll(clusters.Select(cluster => CheckClusterAsync(cluster, cancellationToken)));
        var notReady = verdicts.Where(verdict => verdict.Problem is not null).ToList();

        return notReady.Count == 0
            ? HealthCheckResult.Healthy("Ready: " + string.Join(", ", verdicts.Select(verdict => verdict.ClusterId)))
            : HealthCheckResult.Unhealthy(
                "Not ready: " + string.Join("; ", notReady.Select(verdict => $"{verdict.ClusterId} ({verdict.Problem})")));
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
