using Kommune20.Contracts.Federation;

namespace Kommune20.Library.Practices;

/// <summary>
/// What the library accepts from the office's bulk load, which bypasses the hub: what the hub does with a pushed practice
/// (its descriptor's normalisation and rules, <see cref="RecordDescriptors.Practice"/>), with errors keyed by the JSON
/// path in the request ("[3].practice.sdgTargets[0]").
/// </summary>
public static class PracticeRules
{
    /// <summary>The item with its practice in the canonical form, as the hub would have announced it.</summary>
    public static PracticePublished? Canonical(PracticePublished? item) =>
        item?.Practice is { } practice ? item with { Practice = RecordDescriptors.Practice.Normalize(practice) } : item;

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
            foreach (var (field, messages) in RecordDescriptors.Practice.Validate(practice))
                errors[prefix + "practice." + field] = messages;
        }
    }
}
