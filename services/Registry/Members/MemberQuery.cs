using System.Text.Json;
using Kommune20.ServiceDefaults.Problems;

namespace Kommune20.Registry.Members;

/// <summary>The directory's filters as they arrive in the query string, checked one by one so a 400 names the parameter.</summary>
public sealed record MemberQuery(string? Kind, string? State, string? Status, string? Ags, string? Q, Guid? Network, bool? Transitive, int? Page, int? PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static bool TryParseEnum<TEnum>(string value, out TEnum result) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(JsonNamingPolicy.KebabCaseLower.ConvertName(candidate.ToString()), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                result = candidate;
                return true;
            }
        }
        result = default;
        return false;
    }

    public static string Names<TEnum>() where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetValues<TEnum>().Select(value => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString())));

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Kind is not null && !TryParseEnum<MemberKind>(Kind, out _))
            errors["kind"] = [$"Unbekannte Art \"{Kind}\". Erlaubt: {Names<MemberKind>()}."];
        if (Status is not null && !TryParseEnum<MemberStatus>(Status, out _))
            errors["status"] = [$"Unbekannter Status \"{Status}\". Erlaubt: {Names<MemberStatus>()}."];
        if (State is not null && FederalStates.Normalize(State) is null)
            errors["state"] = [$"\"{State}\" ist kein Bundesland (Name oder Schlüssel 01–16)."];
        if (Ags is not null && !Members.Ags.IsWellFormed(Ags))
            errors["ags"] = ["Der AGS besteht aus genau 8 Ziffern."];
        Paging.Check(Page, PageSize, MaxPageSize, errors);
        return errors;
    }
}
