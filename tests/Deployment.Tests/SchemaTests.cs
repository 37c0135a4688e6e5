namespace Kommune20.Deployment.Tests;

/// <summary>
/// deploy/k8s against the Kubernetes API schemas and docker-compose.yml against the compose specification's schema,
/// checked by deploy/validate/validate.mjs (node, with the packages its package-lock.json pins; the launcher's test
/// command installs them with npm ci).
/// </summary>
public class SchemaTests
{
    [Fact]
    public void Deployment_files_validate_against_their_schemas()
    {
        var (exitCode, output) = Tool.Run("node", "deploy/validate", "validate.mjs", Repo.Root);

        Assert.True(exitCode == 0, $"deploy/validate/validate.mjs found problems:{Environment.NewLine}{output}");
        Assert.Contains(" documents valid, 0 problems", output, StringComparison.Ordinal);
    }
}
