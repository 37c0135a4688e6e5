using Kommune20.CityNode.Records;
using Kommune20.Contracts.Federation;

namespace Kommune20.CityNode.Pages;

/// <summary>
/// A practice as the editor's form posts it: lists as text (topics and SDG targets separated by commas, beneficiaries
/// one per line). Contacts and links are kept as they are; the node's API validates everything.
/// </summary>
public sealed class PracticeForm
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Goal { get; set; }
    public string? Description { get; set; }
    public int? StartYear { get; set; }
    public int? EndYear { get; set; }
    public string? Topics { get; set; }
    public string? SdgTargets { get; set; }
    public string? Beneficiaries { get; set; }
    public string? FundingProgramme { get; set; }
    public Visibility Visibility { get; set; } = Visibility.Public;
    public bool Draft { get; set; }

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["id"] = "Kennung", ["record.title"] = "Titel", ["record.summary"] = "Kurzfassung", ["record.goal"] = "Ziel",
        ["record.description"] = "Beschreibung", ["record.startYear"] = "Beginn", ["record.endYear"] = "Ende",
        ["record.topics"] = "Themen", ["record.sdgTargets"] = "SDG-Unterziele", ["record.beneficiaries"] = "Wer profitiert",
        ["record.fundingProgramme"] = "Förderprogramm", ["status"] = "Status",
    };

    public static PracticeForm From(NodeRecordDto<PracticeRecord> stored) => new()
    {
        Id = stored.Id,
        Title = stored.Record.Title,
        Summary = stored.Record.Summary,
        Goal = stored.Record.Goal,
        Description = stored.Record.Description,
        StartYear = stored.Record.StartYear,
        EndYear = stored.Record.EndYear,
        Topics = string.Join(", ", stored.Record.Topics),
        SdgTargets = string.Join(", ", stored.Record.SdgTargets),
        Beneficiaries = string.Join("\n", stored.Record.Beneficiaries),
        FundingProgramme = stored.Record.FundingProgramme,
        Visibility = stored.Record.Visibility,
    };

    /// <summary>The record to send; contacts and links come from the stored record, if there is one.</summary>
    public PracticeRecord ToRecord(PracticeRecord? stored) => new(
        Title ?? "", Summary, Goal ?? "", StartYear, EndYear, Description ?? "",
        Split(Topics, ','), Split(SdgTargets, ','), Split(Beneficiaries, '\n'),
        stored?.Contacts ?? [], FundingProgramme, stored?.Links ?? [], Visibility);

    static List<string> Split(string? text, char separator) =>
        (text ?? "").Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
