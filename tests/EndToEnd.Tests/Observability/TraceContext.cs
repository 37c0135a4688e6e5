using System.Security.Cryptography;

namespace Kommune20.EndToEnd.Tests.Observability;

/// <summary>A W3C trace the test starts itself, so it knows the trace id its request runs under.</summary>
public sealed record TraceContext(string TraceId, string SpanId)
{
    public static TraceContext New() =>
        new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));

    /// <summary>The <c>traceparent</c> header: version 00, sampled.</summary>
    public string Header => $"00-{TraceId}-{SpanId}-01";
}
