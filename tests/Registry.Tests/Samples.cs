namespace Kommune20.Registry.Tests;

/// <summary>Ids of the demo members from Seed/members.json.</summary>
public static class Samples
{
    public static readonly Guid Association = Guid.Parse("6b0e2f1a-0001-4c20-9a20-000000000001");
    public static readonly Guid Heidelberg = Guid.Parse("6b0e2f1a-0002-4c20-9a20-000000000002");
    public static readonly Guid Pforzheim = Guid.Parse("6b0e2f1a-0003-4c20-9a20-000000000003");
    public static readonly Guid Metropolregion = Guid.Parse("6b0e2f1a-0006-4c20-9a20-000000000006");

    public static object Mannheim => new { kind = "city", name = "Mannheim", ags = "08222000", website = "https://www.mannheim.de", memberSince = "2020-05-01" };
}
