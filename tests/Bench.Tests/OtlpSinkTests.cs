using System.Net.Http.Headers;
using Google.Protobuf;
using Kommune20.Bench.Telemetry;

namespace Kommune20.Bench.Tests;

/// <summary>The local OTLP sink that the tracing cost is measured against: it counts the spans an exporter sent it.</summary>
public sealed class OtlpSinkTests
{
    [Fact]
    public void Spans_are_counted_across_resources_and_scopes_and_nothing_else_is_taken_for_one()
    {
        var request = Message(
            (1, Message((1, Message((1, Text("service.name")))), (2, Scope(spans: 3)), (2, Scope(spans: 1)), (3, Text("https://opentelemetry.io/schemas/1.0")))),
            (1, Message((2, Scope(spans: 2)))));

        Assert.Equal(6, OtlpTraces.CountSpans(request));
        Assert.Equal(0, OtlpTraces.CountSpans([]));
    }

    [Fact]
    public async Task The_sink_accepts_every_signal_as_a_collector_would_and_counts_the_spans_of_the_traces()
    {
        await using var sink = await OtlpSink.StartAsync();
        using var http = new HttpClient { BaseAddress = sink.Address };

        using var traces = await http.PostAsync("v1/traces", Protobuf(Message((1, Message((2, Scope(spans: 2)))))));
        using var metrics = await http.PostAsync("v1/metrics", Protobuf([1, 2, 3]));

        Assert.True(traces.IsSuccessStatusCode && metrics.IsSuccessStatusCode);
        Assert.Equal((2L, 2L), (sink.Spans, sink.Exports));
        Assert.Equal(new Uri(sink.Address, "/").AbsoluteUri.TrimEnd('/'), sink.ExporterSettings["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("http/protobuf", sink.ExporterSettings["OTEL_EXPORTER_OTLP_PROTOCOL"]);
    }

    /// <summary>A ScopeSpans with its scope (field 1) and <paramref name="spans"/> spans (field 2), each with a name (field 5).</summary>
    static byte[] Scope(int spans) =>
        Message([(1, Message((1, Text("Kommune20.Gateway")))), .. Enumerable.Range(0, spans).Select(i => (2, Message((5, Text($"GET /api/{i}")))))]);

    static byte[] Text(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    /// <summary>A protobuf message of length-delimited fields, in the order given.</summary>
    static byte[] Message(params IEnumerable<(int Number, byte[] Bytes)> fields)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        foreach (var (number, bytes) in fields)
        {
            output.WriteTag(number, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(bytes));
        }
        output.Flush();
        return buffer.ToArray();
    }

    static ByteArrayContent Protobuf(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        return content;
    }
}
