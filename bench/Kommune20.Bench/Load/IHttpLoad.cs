using Kommune20.Bench.Measuring;

namespace Kommune20.Bench.Load;

/// <summary>A GET request to load an endpoint with, optionally with a bearer token.</summary>
public sealed record HttpTarget(Uri Url, string? BearerToken = null);

/// <summary>Generates HTTP/1.1 GET load: wrk where it is installed, the .NET client otherwise.</summary>
public interface IHttpLoad
{
    string Name { get; }

    /// <summary>The process id of the load generator during a run, for its CPU share (null while none runs).</summary>
    int? ProcessId { get; }

    Task<LoadResult> RunAsync(HttpTarget target, LoadShape shape, CancellationToken cancellationToken);
}
