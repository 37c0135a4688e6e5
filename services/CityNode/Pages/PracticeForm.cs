using Kommune20.CityNode.Records;
using Kommune20.Contracts.Federation;

namespace Kommune20.CityNode.Pages;

/// <summary>
/// A practice as the editor's form posts it: lists as text (topics and SDG targets separated by commas, beneficiaries
/// one per line). Contacts and links are kept as they are; the node's API validates everything.
/// </summary>
public sealed class PracticeForm
{
    /// <summary>On a network node: the member a new practice is published for.</summary>
    public Guid? Member { get; set; }
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
    public string? SourceProjectKey { get; set; }
    public Visibility Visibility { get; set; } = Visibility.Public;
    public bool Draft { get; set; }

    /// <summary>
    /// The German labels of the record's fields, without the "record." the form's request puts before them, so they
    /// also name the fields of a publish refusal, which checks the stored record.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["memberId"] = "Mitglied", ["id"] = "Kennung", ["title"] = "Titel", ["summary"] = "Kurzfassung", ["goal"] = "Ziel",
        ["description"] = "Beschreibung", ["startYear"] = "Beginn", ["endYear"] = "Ende",
        ["topics"] = "Themen", ["sdgTargets"] = "SDG-Unterziele", ["beneficiaries"] = "Wer profitiert",
        ["fundingProgramme"] = "Förderprogramm",
        ["sourceProjectKey"] = "Transferbericht zum Projekt", ["visibility"] = "Sichtbarkeit", ["status"] = "Status", ["record"] = "Praxisbeispiel",
        ["contacts"] = "Ansprechpartner", ["contacts[].role"] = "Rolle", ["contacts[].organisation"] = "Organisation",
        ["contacts[].name"] = "Name", ["contacts[].email"] = "E-Mail",
        ["links"] = "Links", ["links[].title"] = "Titel", ["links[].url"] = "Adresse",
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
        SourceProjectKey = stored.Record.SourceProjectKey,
        Visibility = stored.Record.Visibility,
    };

    /// <summary>The record to send; contacts and links come from the stored record, if there is one.</summary>
    public PracticeRecord ToRecord(PracticeRecord? stored) => new(
        Title ?? "", Summary, Goal ?? "", StartYear, EndYear, Description ?? "",
        Split(Topics, ','), Split(SdgTargets, ','), Split(Beneficiaries, '\n'),
        stored?.Contacts ?? [], FundingProgramme, stored?.Links ?? [], Visibility, SourceProjectKey);

    static List<string> Split(string? text, char separator) =>
        (text ?? "").Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
