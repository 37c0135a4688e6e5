namespace Kommune20.Meetings.Practices;

/// <summary>
/// A statement's or takeaway's link to a practice in the library, named by the title it had when linked; <see cref="Page"/>
/// is the practice's page in the portal, where a member records its interest in adopting it.
/// </summary>
public sealed record LinkedPractice(Guid Id, string Title)
{
    public const string PortalPath = "/praxisbeispiele/";

    public string Page => PortalPath + Id;
}
