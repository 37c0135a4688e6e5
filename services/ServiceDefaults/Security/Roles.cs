namespace Kommune20.ServiceDefaults.Security;

/// <summary>The roles a token can carry; people hold them per organisation, city nodes hold <see cref="CityNode"/>.</summary>
public static class Roles
{
    public const string CityEditor = "city-editor";
    public const string Office = "office";
    public const string Moderator = "moderator";
    public const string PartnerContact = "partner";
    public const string Delegate = "delegate";
    public const string CityNode = "city-node";

    public static readonly IReadOnlyList<string> OfPeople = [CityEditor, Office, Moderator, PartnerContact, Delegate];
}
