namespace Kommune20.Meetings.OParl;

/// <summary>
/// The general assembly (the body's organ that decides) or a voting member of the association, which OParl can only
/// call an organization of the body: "Mitgliedsorganisation".
/// </summary>
public sealed record OParlOrganization(string Id, string Body, string Name, string OrganizationType, string Classification)
    : IOParlObject
{
    public string Type => OParlType.Of("Organization");
    public string? ShortName { get; init; }
    /// <summary>The external list of the organization's meetings.</summary>
    public string? Meeting { get; init; }
    public DateTimeOffset? Created { get; init; }
    public DateTimeOffset? Modified { get; init; }
}
