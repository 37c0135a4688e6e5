using System.Collections.Concurrent;
using Google.Protobuf;
using Kommune20.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kommune20.EndToEnd.Tests.Observability;

/// <summary>
/// An OpenTelemetry collector as small as the test needs: OTLP over HTTP (protobuf) on a loopback port, keeping the spans
/// the services export (<c>/v1/traces</c>) and accepting their metrics and logs unread. The few fields it reads of
/// opentelemetry-proto's ExportTraceServiceRequest are decoded by field number, which the OTLP specification keeps stable.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly ConcurrentQueue<ExportedSpan> _spans = new();

    OtlpReceiver(WebApplication app) => _app = app;

    public Uri Address => LoopbackServer.AddressOf(_app);

    public IReadOnlyList<ExportedSpan> Spans => [.. _spans];

    /// <summary>The environment that makes a service export to this receiver, with short export delays.</summary>
    public Dictionary<string, string> ExporterSettings => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Address.AbsoluteUri.TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
    };

    public static async Task<OtlpReceiver> StartAsync()
    {
        var app = LoopbackServer.CreateBuilder().Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            foreach (var span in TraceRequest.Spans(body.ToArray()))
                receiver._spans.Enqueue(span);
            return Results.Bytes([], "application/x-protobuf");
        });
        app.MapPost("/v1/{signal}", () => Results.Bytes([], "application/x-protobuf"));
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>ExportTraceServiceRequest → ResourceSpans (resource's service.name) → ScopeSpans → Span.</summary>
    static class TraceRequest
    {
        public static IEnumerable<ExportedSpan> Spans(byte[] request) =>
            Fields(ByteString.CopyFrom(request)).Where(field => field.Number == 1).SelectMany(field => ResourceSpans(field.Value));

        static IEnumerable<ExportedSpan> ResourceSpans(ByteString resourceSpans)
        {
            var fields = Fields(resourceSpans).ToList();
            var service = fields.Where(field => field.Number == 1).Select(field => ServiceName(field.Value)).FirstOrDefault(name => name is not null) ?? "";
            return fields.Where(field => field.Number == 2)
                .SelectMany(scopeSpans => Fields(scopeSpans.Value).Where(field => field.Number == 2))
                .Select(span => Span(service, span.Value));
        }

        /// <summary>Resource.attributes (1) are KeyValue { key = 1, value = AnyValue { string_value = 1 } }.</summary>
        static string? ServiceName(ByteString resource) =>
            Fields(resource).Where(field => field.Number == 1)
                .Select(attribute => Fields(attribute.Value).ToList())
                .Where(attribute => attribute.Any(field => field.Number == 1 && field.Value.ToStringUtf8() == "service.name"))
                .Select(attribute => attribute.Where(field => field.Number == 2).Select(value => Fields(value.Value).First(field => field.Number == 1).Value.ToStringUtf8()).First())
                .FirstOrDefault();

        /// <summary>Span: trace_id = 1, span_id = 2, parent_span_id = 4, name = 5, kind = 6.</summary>
        static ExportedSpan Span(string service, ByteString span)
        {
            var fields = Fields(span).ToList();
            string Hex(int number) => Convert.ToHexStringLower(fields.FirstOrDefault(field => field.Number == number).Value?.ToByteArray() ?? []);
            return new ExportedSpan(service, fields.First(field => field.Number == 5).Value.ToStringUtf8(), Hex(1), Hex(2), Hex(4));
        }

        /// <summary>The length-delimited fields of a message (every field read here is one); the others are skipped.</summary>
        static IEnumerable<(int Number, ByteString Value)> Fields(ByteString message)
        {
            var input = message.CreateCodedInput();
            var fields = new List<(int, ByteString)>();
            while (input.ReadTag() is var tag and not 0)
            {
                if (WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
                    fields.Add((WireFormat.GetTagFieldNumber(tag), input.ReadBytes()));
                else
                    input.SkipLastField();
            }
            return fields;
        }
    }
}

/// <summary>A span as a service exported it: ids in lower-case hex, the parent's empty for a root.</summary>
public sealed record ExportedSpan(string Service, string Name, string TraceId, string SpanId, string ParentSpanId);
