using Kommune20.Contracts.Federation;

namespace Kommune20.CityNode.Records;

/// <summary>The city's best practices (the shape of the "Digitallotsinnen und Digitallotsen" project sheet).</summary>
public static class CityPracticesApi
{
    public static readonly RecordType<PracticeRecord> Practices = new(RecordDescriptors.Practice, "practices", "Practices");

    public static RouteGroupBuilder MapCityPracticesApi(this IEndpointRouteBuilder app) => app.MapCityRecords(Practices);
}
