namespace Kommune20.ServiceDefaults.Security;

/// <summary>
/// The visitor's address as the gateway vouches for it ("203.0.113.7; proof"): the gateway sends it to the portal
/// with each page request, and the portal hands it back on the calls it makes for that visitor (see gateway/README.md).
/// </summary>
public static class VisitorHeader
{
    public const string Name = "Kommune20-Visitor";
}
