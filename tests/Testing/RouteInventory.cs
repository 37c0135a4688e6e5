using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kommune20.Testing;

/// <summary>
/// Every endpoint a running service maps (REST, gRPC, pages), read from its <see cref="EndpointDataSource"/>, checked
/// against what guards it: each needs an authorisation policy, or allows anonymous callers and is on the test's list of
/// routes open on purpose, with the reason. Each REST route a caller may use is in the service's OpenAPI document.
/// </summary>
public static class RouteInventory
{
    /// <summary>
    /// An endpoint by its method and route ("GET /api/registry/members/{id}"); <paramref name="Described"/> when it is a
    /// handler of the service's API (not a page, gRPC, a health check or a proxied route) that is not excluded from the document.
    /// </summary>
    public sealed record Route(string Name, bool Open, bool Described, string? DisplayName);

    /// <summary>
    /// Fails naming every route that is open without being in <paramref name="openOnPurpose"/> (route name → reason),
    /// every route in that list which is not open (or does not exist any more), and every REST route missing from
    /// <c>/openapi/v1.json</c>.
    /// </summary>
    public static async Task AssertNothingOpenByAccidentAsync(IServiceProvider services, HttpClient http, IReadOnlyDictionary<string, string> openOnPurpose)
    {
        var routes = AssertNothingOpenByAccident(services, openOnPurpose);
        var documented = await DocumentedAsync(http);
        Assert.True(documented.Count == 0 || routes.Any(r => r.Described), "no route of the API was recognised as one");
        None("not in /openapi/v1.json", routes.Where(r => r.Described && !documented.Contains(r.Name)).Select(r => r.Name));
    }

    /// <summary>The first half of <see cref="AssertNothingOpenByAccidentAsync"/>, for a service without an API of its own (the portal's pages).</summary>
    public static IReadOnlyList<Route> AssertNothingOpenByAccident(IServiceProvider services, IReadOnlyDictionary<string, string> openOnPurpose)
    {
        var routes = Read(services);
        var open = routes.Where(r => r.Open).Select(r => r.Name).ToHashSet();
        None("open by accident", routes.Where(r => r.Open && !openOnPurpose.ContainsKey(r.Name)).Select(r => $"{r.Name}  ({r.DisplayName})"));
        None("listed as open but not open (or gone)", openOnPurpose.Keys.Where(name => !open.Contains(name)));
        None("open without a reason", openOnPurpose.Where(entry => string.IsNullOrWhiteSpace(entry.Value)).Select(entry => entry.Key));
        return routes;
    }

    static void None(string what, IEnumerable<string> routes)
    {
        var found = routes.Order().ToList();
        Assert.True(found.Count == 0, $"{what}:\n{string.Join("\n", found)}");
    }

    public static IReadOnlyList<Route> Read(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => !IsStaticAsset(endpoint))
            .SelectMany(endpoint => Methods(endpoint).Select(method => new Route(
                $"{method} {Path(endpoint.RoutePattern)}",
                Open(endpoint.Metadata),
                Described(endpoint.Metadata),
                endpoint.DisplayName)))
            .DistinctBy(route => route.Name)
            .ToList();

    /// <summary>Anonymous when the endpoint says so, or when nothing asks for a policy (no fallback policy is set anywhere).</summary>
    static bool Open(EndpointMetadataCollection metadata) =>
        metadata.GetMetadata<IAllowAnonymous>() is not null
        || (metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0 && metadata.GetOrderedMetadata<AuthorizationPolicy>().Count == 0);

    // What ASP.NET Core's API explorer lists: minimal API handlers (their MethodInfo is in the metadata) not excluded.
    static bool Described(EndpointMetadataCollection metadata) =>
        metadata.GetMetadata<MethodInfo>() is not null
        && metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription != true
        && !metadata.Any(m => m.GetType().Name is "GrpcMethodMetadata" or "ComponentTypeMetadata");

    static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : ["ANY"];

    /// <summary>The route as OpenAPI writes it: parameters without their constraints, no trailing slash.</summary>
    static string Path(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => "{" + (parameter.IsCatchAll ? "**" : "") + parameter.Name + "}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }

    // The files of MapStaticAssets (styles, scripts, images): one endpoint per file, public by nature.
    static bool IsStaticAsset(RouteEndpoint endpoint) => endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor");

    static async Task<HashSet<string>> DocumentedAsync(HttpClient http)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));
        return document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(operation => operation.Name is "get" or "put" or "post" or "delete" or "patch")
                .Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name.TrimEnd('/')}"))
            .ToHashSet();
    }
}
