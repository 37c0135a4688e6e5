using System.Text.Json;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests.Observability;

/// <summary>With <c>Logging:Format=json</c> every log line is a JSON object whose scopes carry the request's trace id.</summary>
[Collection(SharedHub.Name)]
public sealed class JsonLogTests(ObservedHub fixture)
{
    [Fact]
    public async Task A_search_through_the_gateway_is_logged_by_the_gateway_and_the_library_under_the_callers_trace_id()
    {
        var trace = TraceContext.New();
        using var gateway = new HttpClient { BaseAddress = fixture.Hub.Gateway };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/library/practices?q=Digitallotsen");
        request.Headers.Add("traceparent", trace.Header);
        (await gateway.SendAsync(request)).EnsureSuccessStatusCode();

        await Eventually.HoldsAsync(() =>
        {
            foreach (var service in new[] { "gateway", "library" })
                Assert.Contains(LogLines(fixture.Hub.Process(service)), line => TraceIds(line).Contains(trace.TraceId));
            return Task.CompletedTask;
        });
    }

    static IEnumerable<JsonElement> LogLines(ServiceProcess process) =>
        process.RecentLog.Split(Environment.NewLine)
            .Where(line => line.StartsWith('{'))
            .Select(line => JsonDocument.Parse(line).RootElement);

    static IEnumerable<string?> TraceIds(JsonElement line) =>
        line.TryGetProperty("Scopes", out var scopes)
            ? scopes.EnumerateArray().Where(scope => scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("TraceId", out _))
                .Select(scope => scope.GetProperty("TraceId").GetString())
            : [];
}
