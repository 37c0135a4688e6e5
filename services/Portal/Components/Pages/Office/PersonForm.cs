using Kommune20.Portal.Registry;
using Kommune20.ServiceDefaults.Security;

namespace Kommune20.Portal.Components.Pages.Office;

/// <summary>The office's form for a person: name, sign-in, one checkbox per role.</summary>
public sealed class PersonForm
{
    public string? UserName { get; set; }
    public string? Name { get; set; }
    public string? Password { get; set; }
    public bool IsActive { get; set; } = true;
    public bool CityEditor { get; set; }
    public bool Office { get; set; }
    public bool Moderator { get; set; }
    public bool Partner { get; set; }
    public bool Delegate { get; set; }

    /// <summary>The roles in the association's words, in the order the form shows them.</summary>
    public static readonly IReadOnlyList<(string Role, string Label)> RoleLabels =
    [
        (Roles.CityEditor, "Redaktion der Stadt"),
        (Roles.Office, "Geschäftsstelle"),
        (Roles.Moderator, "Moderation"),
        (Roles.PartnerContact, "Partnerinstitution"),
        (Roles.Delegate, "Delegierte Person (Mitgliederversammlung)"),
    ];

    public static string Label(string role) => RoleLabels.FirstOrDefault(r => r.Role == role).Label ?? role;

    public static PersonForm From(Person person) => new()
    {
        UserName = person.UserName,
        Name = person.Name,
        IsActive = person.IsActive,
        CityEditor = person.Roles.Contains(Roles.CityEditor),
        Office = person.Roles.Contains(Roles.Office),
        Moderator = person.Roles.Contains(Roles.Moderator),
        Partner = person.Roles.Contains(Roles.PartnerContact),
        Delegate = person.Roles.Contains(Roles.Delegate),
    };

    public PersonInput ToInput(Guid memberId) => new(UserName?.Trim(), Name, memberId, SelectedRoles(),
        string.IsNullOrEmpty(Password) ? null : Password, IsActive);

    IReadOnlyList<string> SelectedRoles() =>
        new[] { (CityEditor, Roles.CityEditor), (Office, Roles.Office), (Moderator, Roles.Moderator), (Partner, Roles.PartnerContact), (Delegate, Roles.Delegate) }
            .Where(choice => choice.Item1)
            .Select(choice => choice.Item2)
            .ToList();
}
