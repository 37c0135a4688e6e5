using Microsoft.AspNetCore.Hosting;
using Kommune20.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kommune20.CityNode.Tests;

/// <summary>
/// Heidelberg's node in-process over a SQLite database of its own. Its hub is a loopback port where nothing listens,
/// so the push loop only retries in the background; the tests look at what the node itself keeps and decides.
/// </summary>
public sealed class CityNodeFactory : WebApplicationFactory<Program>
{
    public static readonly Guid Heidelberg = Guid.Parse("6b0e2f1a-0002-4c20-9a20-000000000002");
    public const string AppToken = "test-app-token";

    readonly string data = Path.Combine(Path.GetTempPath(), "k20-citynode-tests-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var nowhere = $"http://127.0.0.1:{FreePorts.Next()}/";
        builder.UseSetting("K20_DATA", data);
        builder.UseSetting("Node:MemberId", Heidelberg.ToString());
        builder.UseSetting("Node:Name", "Heidelberg");
        builder.UseSetting("Node:ClientId", "node-heidelberg");
        builder.UseSetting("Node:ClientSecret", "not-used");
        builder.UseSetting("Node:HubGrpcUrl", nowhere);
        builder.UseSetting("Node:TokenUrl", nowhere + "connect/token");
        builder.UseSetting("APP_API_TOKEN", AppToken);
        builder.AcceptTestTokens();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(data))
            Directory.Delete(data, recursive: true);
    }
}
