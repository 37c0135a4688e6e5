using Kommune20.Portal.Registry;

namespace Kommune20.Portal.Office;

/// <summary>Reads a service's audit log through the gateway, with the signed-in office person's token.</summary>
public sealed class AuditClient(HttpClient http)
{
    public const int PageSize = 50;

    public async Task<PagedList<AuditEntry>> ReadAsync(AuditArea area, int page, CancellationToken ct = default) =>
        await http.GetFromJsonAsync<PagedList<AuditEntry>>($"{area.Path}?page={page}&pageSize={PageSize}", ct)
        ?? new PagedList<AuditEntry>([], page, PageSize, 0);
}
