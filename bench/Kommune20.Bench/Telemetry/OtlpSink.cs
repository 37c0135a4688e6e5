using System.IO.Compression;
using Kommune20.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kommune20.Bench.Telemetry;

/// <summary>
/// A local OTLP/HTTP receiver (protobuf) in the bench process, so that tracing is measured with a real exporter sending
/// to a real endpoint: it accepts traces, metrics and logs as a collector would and counts the spans it received.
/// A service exports to it with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> and <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>
/// (<see cref="ExporterSettings"/>).
/// </summary>
public sealed class OtlpSink : IAsyncDisposable
{
    readonly WebApplication app;
    long spans;
    long exports;

    OtlpSink(WebApplication app) => this.app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>Spans received so far, over all trace exports.</summary>
    public long Spans => Interlocked.Read(ref spans);

    /// <summary>Export requests received so far, of any signal.</summary>
    public long Exports => Interlocked.Read(ref exports);

    /// <summary>The settings with which a service's OpenTelemetry exports everything here (ServiceDefaults' <c>AddTelemetry</c>).</summary>
    public IReadOnlyDictionary<string, string> ExporterSettings => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Address.AbsoluteUri.TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
    };

    public static async Task<OtlpSink> StartAsync()
    {
        var sink = new OtlpSink(LoopbackServer.CreateBuilder().Build());
        sink.app.MapPost("/v1/traces", async (HttpContext context) =>
        {
            sink.Received(OtlpTraces.CountSpans(await BodyAsync(context.Request)));
            return Accepted();
        });
        sink.app.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            await BodyAsync(context.Request);
            sink.Received(0);
            return Accepted();
        });
        await sink.app.StartAsync();
        sink.Address = LoopbackServer.AddressOf(sink.app);
        return sink;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    void Received(int spanCount)
    {
        Interlocked.Add(ref spans, spanCount);
        Interlocked.Increment(ref exports);
    }

    /// <summary>An empty Export…ServiceResponse: everything accepted.</summary>
    static IResult Accepted() => Results.Bytes([], "application/x-protobuf");

    static async Task<byte[]> BodyAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        if (request.Headers.ContentEncoding == "gzip")
        {
            await using var unzipped = new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true);
            await unzipped.CopyToAsync(body, request.HttpContext.RequestAborted);
        }
        else
        {
            await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        }
        return body.ToArray();
    }
}
