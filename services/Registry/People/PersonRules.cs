using System.Text.RegularExpressions;
using Kommune20.ServiceDefaults.Security;

namespace Kommune20.Registry.People;

public static partial class PersonRules
{
    public const int MinPasswordLength = 12;

    /// <summary>Validates a new person (<paramref name="isNew"/>) or a change, where user name and password may stay as they are.</summary>
    public static Dictionary<string, string[]> Validate(PersonInput input, bool isNew)
    {
        var errors = new Dictionary<string, string[]>();
        if (isNew && (input.UserName is null || !UserName().IsMatch(input.UserName)))
            errors["userName"] = ["Der Benutzername besteht aus 3–64 Kleinbuchstaben, Ziffern, Punkt, Binde- oder Unterstrich."];
        if (string.IsNullOrWhiteSpace(input.Name))
            errors["name"] = ["Der Name fehlt."];
        if (input.MemberId is null)
            errors["memberId"] = ["Die Organisation fehlt."];
        if (input.Roles is null || input.Roles.Count == 0)
            errors["roles"] = [$"Mindestens eine Rolle: {string.Join(", ", Roles.OfPeople)}."];
        else if (input.Roles.FirstOrDefault(role => !Roles.OfPeople.Contains(role)) is { } unknown)
            errors["roles"] = [$"Unbekannte Rolle \"{unknown}\". Erlaubt: {string.Join(", ", Roles.OfPeople)}."];
        if ((isNew || input.Password is not null) && (input.Password is null || input.Password.Length < MinPasswordLength))
            errors["password"] = [$"Das Passwort braucht mindestens {MinPasswordLength} Zeichen."];
        return errors;
    }

    [GeneratedRegex("^[a-z0-9._-]{3,64}$")]
    private static partial Regex UserName();
}
