using Google.Protobuf;

namespace Kommune20.Bench.Telemetry;

/// <summary>
/// Counts the spans of an OTLP <c>ExportTraceServiceRequest</c> (opentelemetry-proto, trace_service.proto) by walking
/// its wire format: resource_spans (field 1) hold scope_spans (field 2), which hold spans (field 2). Nothing else is
/// read, so the bench needs neither the OTLP protos nor a collector to know how many spans a service exported.
/// </summary>
public static class OtlpTraces
{
    const int ResourceSpans = 1;
    const int ScopeSpans = 2;
    const int Spans = 2;

    public static int CountSpans(byte[] exportRequest) =>
        Fields(ByteString.CopyFrom(exportRequest), ResourceSpans)
            .Sum(resource => Fields(resource, ScopeSpans).Sum(scope => Fields(scope, Spans).Count()));

    /// <summary>The length-delimited occurrences of field <paramref name="number"/> in a message, the others skipped.</summary>
    static IEnumerable<ByteString> Fields(ByteString message, int number)
    {
        var input = message.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == number && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
                yield return input.ReadBytes();
            else
                input.SkipLastField();
        }
    }
}
