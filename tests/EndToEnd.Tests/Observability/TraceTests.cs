using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests.Observability;

/// <summary>
/// One trace across the hub: a city's push through the gateway's gRPC port reaches Federation, whose event goes through its
/// outbox and RabbitMQ to the library's consumer, and every process exports its spans under the trace id the node sent,
/// each linked to its parent.
/// </summary>
[Collection(SharedHub.Name)]
public sealed class TraceTests(ObservedHub fixture)
{
    [Fact]
    public async Task A_pushed_practice_is_one_trace_from_the_gateway_through_federation_and_the_broker_to_the_library()
    {
        var trace = TraceContext.New();
        using (var heidelberg = new FederationPush(fixture.Hub, "node-heidelberg"))
            await heidelberg.PublishAsync("spur-digitallotsen", "Digitallotsen mit Spur", trace.Header);

        await Eventually.HoldsAsync(() =>
        {
            var spans = fixture.Receiver.Spans.Where(span => span.TraceId == trace.TraceId).ToDictionary(span => span.SpanId);
            var consumed = spans.Values.Where(span => span.Service == "Kommune20.Library").ToList();
            Assert.NotEmpty(consumed);

            // From the library's span up through its parents: Federation's, then the gateway's, then the test's own.
            var path = new List<ExportedSpan>();
            for (var span = consumed[0]; span is not null; span = spans.GetValueOrDefault(span.ParentSpanId))
                path.Add(span);
            Assert.Equal(trace.SpanId, path[^1].ParentSpanId);
            Assert.Equal(["Kommune20.Library", "Kommune20.Federation", "Kommune20.Gateway"], path.Select(span => span.Service).Distinct());
            return Task.CompletedTask;
        }, TimeSpan.FromSeconds(30));
    }
}
