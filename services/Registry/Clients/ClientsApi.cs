using System.Security.Claims;
using Kommune20.Data.Audit;
using Kommune20.Registry.Data;
using Kommune20.Registry.Identity;
using Kommune20.Registry.Members;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace Kommune20.Registry.Clients;

/// <summary>
/// The office registers a member's node credential: a confidential client with role city-node that speaks for the
/// member, for the city's own node or a network's relay. A city that joins gets its node this way. The office also
/// switches any client off and on again (a node's or relay's credential, a hub service, a web application).
/// </summary>
public static class ClientsApi
{
    public static RouteGroupBuilder MapClientsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/registry/members/{memberId:guid}/clients").WithTags("Clients").RequireAuthorization(Policies.Office);
        group.MapPost("/", CreateAsync);
        group.MapDelete("/{clientId}/lockout", LiftLockoutAsync);

        var any = app.MapGroup("/api/registry/clients/{clientId}").WithTags("Clients").RequireAuthorization(Policies.Office);
        any.MapPut("/deactivation", DeactivateAsync);
        any.MapDelete("/deactivation", ReactivateAsync);
        return group;
    }

    /// <summary>No further token for the client, not even by refresh; the tokens it holds end within their 15 minutes.</summary>
    static async Task<Results<NoContent, NotFound>> DeactivateAsync(string clientId, IOpenIddictApplicationManager applications, TimeProvider clock,
        CancellationToken ct) =>
        await applications.SetActiveAsync(clientId, active: false, clock.GetUtcNow(), ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    static async Task<Results<NoContent, NotFound>> ReactivateAsync(string clientId, IOpenIddictApplicationManager applications, TimeProvider clock,
        CancellationToken ct) =>
        await applications.SetActiveAsync(clientId, active: true, clock.GetUtcNow(), ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    static async Task<Results<Created<NodeClientCreated>, ValidationProblem, NotFound>> CreateAsync(
        Guid memberId, NodeClientInput input, ClaimsPrincipal user, RegistryDb db, IOpenIddictApplicationManager applications, ClientProvisioning provisioning,
        CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct);
        if (member is null)
            return TypedResults.NotFound();

        var errors = NodeClientRules.Validate(input);
        if (member.Status == MemberStatus.Left)
            errors["memberId"] = [$"{member.Name} ist ausgetreten und bekommt keinen Zugang mehr."];
        if (!errors.ContainsKey("clientId") && await applications.FindByClientIdAsync(input.ClientId!, ct) is not null)
            errors["clientId"] = [$"Den Client \"{input.ClientId}\" gibt es schon."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var secret = GeneratedSecrets.New(GeneratedSecrets.ClientSecretLength);
        var displayName = input.DisplayName!.Trim();
        string[] roles = [Roles.CityNode];
        await provisioning.CreateAsync(input.ClientId!, displayName, secret, memberId, roles, ct);
        db.AddAuditEntry(user, "client.created", $"client/{input.ClientId}", before: null, after: new { input.ClientId, displayName, memberId, roles });
        await db.SaveChangesAsync(ct);
        // No location: a credential cannot be read back, its secret is shown only here.
        return TypedResults.Created((string?)null, new NodeClientCreated(input.ClientId!, secret, displayName, memberId, roles));
    }

    /// <summary>The office lets a node whose secret was mistyped too often try again at once.</summary>
    static async Task<Results<NoContent, NotFound>> LiftLockoutAsync(
        Guid memberId, string clientId, ClaimsPrincipal user, RegistryDb db, SignInThrottle throttle, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.ClientId == clientId && c.MemberId == memberId, ct))
            return TypedResults.NotFound();
        await throttle.ForgetAsync(SignInThrottle.Client(clientId), ct);
        db.AddAuditEntry(user, "client.lockout-lifted", $"client/{clientId}", before: null, after: null);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
