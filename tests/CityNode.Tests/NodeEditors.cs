using System.Net.Http.Headers;
using Kommune20.ServiceDefaults.Security;
using Kommune20.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kommune20.CityNode.Tests;

public static class NodeEditors
{
    /// <summary>A client of the node's API signed in as a city editor of <paramref name="member"/> (or with the given roles).</summary>
    public static HttpClient EditorOf(this WebApplicationFactory<Program> node, Guid member, params string[] roles)
    {
        var http = node.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.For("person-" + member, roles.Length == 0 ? [Roles.CityEditor] : roles, memberId: member));
        return http;
    }
}
