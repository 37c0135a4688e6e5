using System.Diagnostics;

namespace Kommune20.Containers.Tests;

/// <summary>
/// The compose deployment that deploy/podman/deploy-test.sh started: the gateway's and Prometheus's published addresses, the demo
/// credentials the Registry container wrote, and the containers by service name (podman, as the script runs it).
/// </summary>
public sealed class Deployment
{
    public Uri Gateway { get; } = new(Required("K20_DEPLOY_GATEWAY"));
    public Uri Prometheus { get; } = new(Required("K20_DEPLOY_PROMETHEUS"));
    public string CredentialsFile { get; } = Required("K20_DEPLOY_CREDENTIALS");
    readonly string _containerPrefix = Required("K20_DEPLOY_CONTAINER_PREFIX");

    public HttpClient Client() => new() { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(30) };

    public Task StopAsync(string service) => PodmanAsync("stop", "-t", "10", Container(service));

    public Task StartAsync(string service) => PodmanAsync("start", Container(service));

    string Container(string service) => $"{_containerPrefix}{service}_1";

    static async Task PodmanAsync(params string[] arguments)
    {
        using var podman = Process.Start(new ProcessStartInfo("podman", arguments) { RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("podman did not start");
        var error = podman.StandardError.ReadToEndAsync();
        await podman.StandardOutput.ReadToEndAsync();
        await podman.WaitForExitAsync();
        if (podman.ExitCode != 0)
            throw new InvalidOperationException($"podman {string.Join(' ', arguments)} failed: {await error}");
    }

    static string Required(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{name} is not set: these tests run inside ./kommune20 deploy-test, which starts the containers.");
}
