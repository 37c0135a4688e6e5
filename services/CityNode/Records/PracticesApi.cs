using Kommune20.Contracts.Federation;

namespace Kommune20.CityNode.Records;

/// <summary>The city's best practices (the shape of the "Digitallotsinnen und Digitallotsen" project sheet).</summary>
public static class PracticesApi
{
    public static readonly RecordType<PracticeRecord> Practices =
        new(RecordKind.Practice, "/api/node/practices", "Practices", Normalize, RecordRules.Validate);

    public static RouteGroupBuilder MapPracticesApi(this IEndpointRouteBuilder app) => app.MapCityRecords(Practices);

    /// <summary>Missing lists become empty ones and text is trimmed, so an editor may leave out what does not apply.</summary>
    public static PracticeRecord Normalize(PracticeRecord practice) => practice with
    {
        Title = practice.Title?.Trim()!,
        Goal = practice.Goal?.Trim()!,
        Description = practice.Description?.Trim()!,
        Summary = Blank(practice.Summary),
        FundingProgramme = Blank(practice.FundingProgramme),
        Topics = practice.Topics ?? [],
        SdgTargets = (practice.SdgTargets ?? []).Select(target => target?.Trim()!).ToList(),
        Beneficiaries = practice.Beneficiaries ?? [],
        Contacts = practice.Contacts ?? [],
        Links = practice.Links ?? [],
    };

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
