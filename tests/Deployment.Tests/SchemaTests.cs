using System.Diagnostics;

namespace Kommune20.Deployment.Tests;

/// <summary>
/// deploy/k8s against the Kubernetes API schemas and docker-compose.yml against the compose specification's schema,
/// checked by deploy/validate/validate.mjs (node, with the packages its package-lock.json pins; the launcher's test
/// command installs them with npm ci).
/// </summary>
public class SchemaTests
{
    [Fact]
    public async Task Deployment_files_validate_against_their_schemas()
    {
        var start = new ProcessStartInfo("node", ["validate.mjs", Repo.Root])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repo.PathOf("deploy/validate"),
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"deploy/validate/validate.mjs found problems:{Environment.NewLine}{await errors}{await output}");
        Assert.Contains(" documents valid, 0 problems", await output, StringComparison.Ordinal);
    }
}
