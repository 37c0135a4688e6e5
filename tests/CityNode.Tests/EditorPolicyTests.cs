using System.Security.Claims;
using Kommune20.CityNode.Records;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.CityNode.Tests;

/// <summary>Only Heidelberg's own editors edit on Heidelberg's node.</summary>
[Collection(NodeCollection.Name)]
public sealed class EditorPolicyTests(CityNodeFactory node)
{
    static readonly Guid Pforzheim = Guid.Parse("6b0e2f1a-0003-4c20-9a20-000000000003");

    [Fact]
    public async Task A_city_editor_of_Heidelberg_may_edit() =>
        Assert.True(await MayEditAsync(Person(Roles.CityEditor, CityNodeFactory.Heidelberg)));

    [Fact]
    public async Task A_city_editor_of_another_city_may_not() =>
        Assert.False(await MayEditAsync(Person(Roles.CityEditor, Pforzheim)));

    [Fact]
    public async Task Someone_of_Heidelberg_without_the_editor_role_may_not() =>
        Assert.False(await MayEditAsync(Person(Roles.Office, CityNodeFactory.Heidelberg)));

    [Fact]
    public async Task A_city_node_client_of_Heidelberg_may_not() =>
        Assert.False(await MayEditAsync(Person(Roles.CityNode, CityNodeFactory.Heidelberg)));

    [Fact]
    public async Task Claims_without_a_sign_in_count_for_nothing() =>
        Assert.False(await MayEditAsync(new ClaimsPrincipal(new ClaimsIdentity(Claims(Roles.CityEditor, CityNodeFactory.Heidelberg)))));

    async Task<bool> MayEditAsync(ClaimsPrincipal user) =>
        (await node.Services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, EditorPolicy.Name)).Succeeded;

    static ClaimsPrincipal Person(string role, Guid member) =>
        new(new ClaimsIdentity(Claims(role, member), "Bearer", Kommune20Claims.Name, Kommune20Claims.Role));

    static Claim[] Claims(string role, Guid member) =>
        [new(Kommune20Claims.Subject, "person-1"), new(Kommune20Claims.Role, role), new(Kommune20Claims.MemberId, member.ToString())];
}
