namespace Kommune20.Portal.Office;

/// <summary>A service whose office actions are logged: its key in the page's address, its German name and its log's API.</summary>
public sealed record AuditArea(string Key, string Label, string Path)
{
    public static readonly IReadOnlyList<AuditArea> All =
    [
        new("register", "Mitgliederregister", "/api/registry/office/audit"),
        new("bibliothek", "Bibliothek", "/api/library/office/audit"),
        new("versammlungen", "Versammlungen", "/api/meetings/office/audit"),
    ];

    public static AuditArea Find(string? key) => All.FirstOrDefault(area => area.Key == key) ?? All[0];
}
