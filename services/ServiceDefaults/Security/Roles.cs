namespace Kommune20.ServiceDefaults.Security;

/// <summary>
/// The roles a token can carry; people hold them per organisation, city nodes hold <see cref="CityNode"/>, and hub
/// services that call other hub services with a client credential of their own hold <see cref="Service"/>.
/// </summary>
public static class Roles
{
    public const string CityEditor = "city-editor";
    public const string Office = "office";
    public const string Moderator = "moderator";
    public const string PartnerContact = "partner";
    public const string Delegate = "delegate";
    public const string CityNode = "city-node";
    public const string Service = "service";

    public static readonly IReadOnlyList<string> OfPeople = [CityEditor, Office, Moderator, PartnerContact, Delegate];
}
