using Kommune20.Contracts.Federation;

namespace Kommune20.CityNode.Records;

/// <summary>The city's own events (e.g. a "Digitalität@Heidelberg" talk), for the network's calendar.</summary>
public static class CityEventsApi
{
    public static readonly RecordType<CityEventRecord> Events = new(RecordDescriptors.CityEvent, "events", "Events");

    public static RouteGroupBuilder MapCityEventsApi(this IEndpointRouteBuilder app) => app.MapCityRecords(Events);
}
