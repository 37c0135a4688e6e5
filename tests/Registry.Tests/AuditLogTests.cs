using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.Data.Audit;
using Kommune20.Registry.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.Registry.Tests;

/// <summary>What the office does in the Registry is written to an append-only log, which only the office reads.</summary>
public sealed class AuditLogTests : IDisposable
{
    readonly RegistryApp _registry = new();

    public void Dispose() => _registry.Dispose();

    [Fact]
    public async Task The_office_changing_a_member_appears_in_the_log_with_before_and_after()
    {
        using var office = await _registry.ClientAsAsync("office-integration");
        using var created = await office.PostAsJsonAsync("/api/registry/members", new { kind = "county", name = "Rhein-Neckar-Kreis", ags = "08226000" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var changed = await office.PutAsJsonAsync($"/api/registry/members/{id}", new { kind = "county", name = "Rhein-Neckar-Kreis", ags = "08226000", status = "suspended" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var log = await office.GetFromJsonAsync<JsonElement>("/api/registry/office/audit");

        var newest = log.GetProperty("items")[0];
        Assert.Equal("member.changed", newest.GetProperty("action").GetString());
        Assert.Equal($"member/{id}", newest.GetProperty("subject").GetString());
        Assert.Equal("office-integration", newest.GetProperty("actor").GetString());
        Assert.Equal("active", JsonDocument.Parse(newest.GetProperty("before").GetString()!).RootElement.GetProperty("status").GetString());
        Assert.Equal("suspended", JsonDocument.Parse(newest.GetProperty("after").GetString()!).RootElement.GetProperty("status").GetString());
        var creation = log.GetProperty("items")[1];
        Assert.Equal("member.created", creation.GetProperty("action").GetString());
        Assert.Equal(JsonValueKind.Null, creation.GetProperty("before").ValueKind);
    }

    [Fact]
    public async Task Only_the_office_reads_the_log()
    {
        using var node = await _registry.ClientAsAsync("node-pforzheim");
        using var anonymous = _registry.CreateClient();

        using var asNode = await node.GetAsync("/api/registry/office/audit");
        using var asNobody = await anonymous.GetAsync("/api/registry/office/audit");

        Assert.Equal(HttpStatusCode.Forbidden, asNode.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, asNobody.StatusCode);
    }

    [Fact]
    public async Task An_entry_is_never_changed_or_removed()
    {
        using var office = await _registry.ClientAsAsync("office-integration");
        using var created = await office.PostAsJsonAsync("/api/registry/members", new { kind = "county", name = "Enzkreis", ags = "08236000" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var change = new HttpRequestMessage(HttpMethod.Delete, "/api/registry/office/audit");
        using var deleted = await office.SendAsync(change);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, deleted.StatusCode);

        await using var scope = _registry.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
        var entry = await db.Set<AuditEntry>().FirstAsync();
        entry.After = "{}";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.Remove(await db.Set<AuditEntry>().FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }
}
