using Kommune20.Contracts.Federation;

namespace Kommune20.Library.Practices;

/// <summary>
/// What the library accepts from the office's bulk load: the federation's own record rules (<see cref="RecordRules"/>),
/// with errors keyed by the JSON path in the request ("[3].practice.sdgTargets[0]").
/// </summary>
public static class PracticeRules
{
    public static void Validate(RecordOrigin? origin, PracticeRecord? practice, string prefix, Dictionary<string, string[]> errors)
    {
        if (origin is null)
            errors[prefix + "origin"] = ["Die Herkunft (Mitglied, Kennung, Version) fehlt."];
        else
        {
            if (origin.OriginMemberId == Guid.Empty)
                errors[prefix + "origin.originMemberId"] = ["Das Herkunftsmitglied fehlt."];
            if (RecordRules.OriginIdProblem(origin.OriginId) is { } problem)
                errors[prefix + "origin.originId"] = [problem];
            if (origin.Version < 0)
                errors[prefix + "origin.version"] = ["Die Version darf nicht negativ sein."];
        }

        if (practice is null)
            errors[prefix + "practice"] = ["Der Datensatz der Praxis fehlt."];
        else
        {
            foreach (var (field, messages) in RecordRules.Validate(practice))
                errors[prefix + "practice." + field] = messages;
        }
    }

    /// <summary>
    /// The record as the library keeps it: SDG targets written the one way ("16.a"), unknown ones dropped (the federation
    /// checked them; the city's node is the place to correct them), topics and beneficiaries trimmed and without duplicates.
    /// </summary>
    public static PracticeRecord Normalize(PracticeRecord record) => record with
    {
        Title = record.Title.Trim(),
        Topics = Distinct(record.Topics),
        Beneficiaries = Distinct(record.Beneficiaries),
        SdgTargets = (record.SdgTargets ?? []).Where(SdgTargets.Exists).Select(target => target.Trim().ToLowerInvariant()).Distinct().ToList(),
        FundingProgramme = string.IsNullOrWhiteSpace(record.FundingProgramme) ? null : record.FundingProgramme.Trim(),
        Contacts = record.Contacts ?? [],
        Links = record.Links ?? [],
    };

    static List<string> Distinct(IReadOnlyList<string>? values) =>
        (values ?? []).Where(value => !string.IsNullOrWhiteSpace(value)).Select(value => value.Trim()).Distinct().ToList();
}
