using System.Net;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests;

/// <summary>A token issued for one city node's pages opens that node's API and nothing of the hub's.</summary>
[Collection(HubWithHeidelberg.Name)]
public sealed class NodePagesAudienceTests(HubWithHeidelberg fixture)
{
    Hub Hub => fixture.Hub;

    /// <summary>The office's APIs of each hub service (and Federation's state, for any signed-in caller).</summary>
    public static TheoryData<string, string> HubApis => new()
    {
        { "registry", "/api/registry/people" },
        { "library", "/api/library/office/index" },
        { "federation", "/api/federation/state" },
    };

    [Theory]
    [MemberData(nameof(HubApis))]
    public async Task The_office_signed_in_at_a_nodes_pages_is_refused_by_the_hub_directly_and_through_the_gateway(string service, string path)
    {
        var office = Hub.Credentials.PersonNamed("geschaeftsstelle");
        var atNode = await Hub.SignIn.PersonTokenAsync(office.UserName, office.Password, fixture.HeidelbergPages);
        var atPortal = await Hub.SignIn.PersonTokenAsync(office.UserName, office.Password);
        var direct = Hub.Process(service).BaseAddress;

        foreach (var address in new[] { Hub.Gateway, direct })
        {
            using var withNodeToken = SignIn.WithToken(address, atNode);
            using var refused = await withNodeToken.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

            using var withPortalToken = SignIn.WithToken(address, atPortal);
            using var accepted = await withPortalToken.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }
    }

    [Fact]
    public async Task The_nodes_own_pages_keep_working_with_their_token()
    {
        var editor = Hub.Credentials.PersonNamed("heidelberg");
        var atNode = await Hub.SignIn.PersonTokenAsync(editor.UserName, editor.Password, fixture.HeidelbergPages);

        using var node = SignIn.WithToken(fixture.Heidelberg.BaseAddress, atNode);
        using var practices = await node.GetAsync("/api/node/practices");
        Assert.Equal(HttpStatusCode.OK, practices.StatusCode);

        // What the portal issues still opens the node's API too (its programs and the hub's tests use such tokens).
        using var withPortalToken = SignIn.WithToken(fixture.Heidelberg.BaseAddress, await Hub.SignIn.PersonTokenAsync(editor.UserName, editor.Password));
        using var alsoAccepted = await withPortalToken.GetAsync("/api/node/practices");
        Assert.Equal(HttpStatusCode.OK, alsoAccepted.StatusCode);
    }

    [Fact]
    public async Task The_portal_cannot_ask_for_a_nodes_audience()
    {
        var office = Hub.Credentials.PersonNamed("geschaeftsstelle");
        var portalAskingForNode = Hub.SignIn.Portal with { Audience = fixture.HeidelbergPages.Audience };

        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => Hub.SignIn.PersonTokenAsync(office.UserName, office.Password, portalAskingForNode));
    }
}
