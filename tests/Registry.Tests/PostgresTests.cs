using System.Net;
using System.Net.Http.Json;
using Kommune20.Data.Lists;
using Kommune20.Registry.Members;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;

namespace Kommune20.Registry.Tests;

/// <summary>The scale-out storage: the same Registry on PostgreSQL (the run's throwaway cluster) instead of SQLite.</summary>
public sealed class PostgresTests
{
    [Fact]
    public async Task The_register_works_the_same_on_PostgreSQL()
    {
        using var registry = new RegistryApp(new()
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:registry"] = $"{TestEnvironment.Postgres};Database=registry_{Guid.NewGuid():N}",
        });
        using var anonymous = registry.CreateClient();
        var members = await anonymous.GetFromJsonAsync<PagedList<MemberDto>>("/api/registry/members?kind=city&q=heidel", Json.Options);
        Assert.Equal("08221000", Assert.Single(members!.Items).Ags);

        using var office = await registry.ClientAsAsync("office-integration");
        using var created = await office.PostAsJsonAsync("/api/registry/members", Samples.Mannheim);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var cycle = await office.PutAsJsonAsync($"/api/registry/members/{Samples.Heidelberg}/members/{Samples.Metropolregion}", new { });
        Assert.Equal(HttpStatusCode.BadRequest, cycle.StatusCode);
    }
}
