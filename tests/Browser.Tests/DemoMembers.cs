namespace Kommune20.Browser.Tests;

/// <summary>Ids of the demo members (services/Registry/Seed/members.json).</summary>
public static class DemoMembers
{
    public static readonly Guid Heidelberg = Guid.Parse("6b0e2f1a-0002-4c20-9a20-000000000002");
    public static readonly Guid Pforzheim = Guid.Parse("6b0e2f1a-0003-4c20-9a20-000000000003");
    public static readonly Guid Weinheim = Guid.Parse("6b0e2f1a-0013-4c20-9a20-000000000013");
}
