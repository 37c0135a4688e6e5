using System.Text.Json.Nodes;
using Kommune20.Testing;

namespace Kommune20.Bench.Load;

/// <summary>
/// The gateway's fixed window per caller as it ships (<c>RateLimiting</c> in gateway/appsettings.json, which the
/// Kubernetes deployment does not override), and how many callers a load must come from so that it never refuses
/// them: requests taken in turn from each partition give each one <c>rate × window ÷ partitions</c> requests per
/// window, which must stay within the permit limit with room to spare (a window may also catch the warm-up's tail).
/// </summary>
public sealed record GatewayRateLimit(int PermitLimit, TimeSpan Window)
{
    /// <summary>
    /// More than this many requests a second through one gateway is out of reach of this 2-core machine (the gateway
    /// proxies about 5,500 a second here): the rate the partitions are counted for.
    /// </summary>
    public const double CeilingPerSecond = 20_000;

    /// <summary>Each partition uses at most half its permits in any window.</summary>
    public const double Headroom = 2;

    public static GatewayRateLimit AsShipped { get; } = FromAppSettings(File.ReadAllText(Path.Combine(RepoPaths.Root, "gateway", "appsettings.json")));

    public static GatewayRateLimit FromAppSettings(string json)
    {
        var section = JsonNode.Parse(json)?["RateLimiting"] ?? throw new FormatException("No RateLimiting section in the gateway's settings.");
        return new GatewayRateLimit((int)section["PermitLimit"]!, TimeSpan.FromSeconds((int)section["WindowSeconds"]!));
    }

    /// <summary>How many callers taken in turn keep each under half its limit at <paramref name="requestsPerSecond"/>.</summary>
    public int PartitionsFor(double requestsPerSecond = CeilingPerSecond) =>
        Math.Max(1, (int)Math.Ceiling(requestsPerSecond * Window.TotalSeconds * Headroom / PermitLimit));

    /// <summary>The most requests a second that <paramref name="partitions"/> callers taken in turn can send before one is refused.</summary>
    public double Capacity(int partitions) => partitions * (double)PermitLimit / Window.TotalSeconds;

    public override string ToString() => $"{PermitLimit:N0} requests per {Window.TotalSeconds:0} s per caller";
}
