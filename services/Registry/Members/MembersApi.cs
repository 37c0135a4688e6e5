using System.Security.Claims;
using Kommune20.Contracts.Registry;
using Kommune20.Data.Audit;
using Kommune20.Data.Lists;
using Kommune20.Messaging;
using Kommune20.Registry.Data;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Registry.Members;

public static class MembersApi
{
    public static RouteGroupBuilder MapMembersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/registry/members").WithTags("Members");
        group.MapGet("/", ListAsync).AllowAnonymous();
        group.MapGet("/{id:guid}", GetAsync).AllowAnonymous();
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Office);
        group.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Policies.Office);
        return group;
    }

    static async Task<Results<Ok<PagedList<MemberDto>>, ValidationProblem>> ListAsync(
        [AsParameters] MemberQuery query, RegistryDb db, CancellationToken ct)
    {
        var errors = query.Validate();
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var members = db.Members.AsNoTracking();
        if (query.Kind is not null && MemberQuery.TryParseEnum<MemberKind>(query.Kind, out var kind))
            members = members.Where(m => m.Kind == kind);
        if (query.Status is not null && MemberQuery.TryParseEnum<MemberStatus>(query.Status, out var status))
            members = members.Where(m => m.Status == status);
        if (FederalStates.Normalize(query.State) is { } state)
            members = members.Where(m => m.FederalState == state);
        if (query.Ags is not null)
            members = members.Where(m => m.Ags == query.Ags);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var folded = Member.SortKeyOf(query.Q);
            members = members.Where(m => m.SortKey.Contains(folded));
        }
        if (query.Network is { } network)
        {
            var graph = await db.LoadGraphAsync(ct);
            var ids = graph.MembersOf(network, query.Transitive ?? true).ToList();
            members = members.Where(m => ids.Contains(m.Id));
        }

        return TypedResults.Ok(await members.OrderBy(m => m.SortKey).ThenBy(m => m.Id).ToPagedListAsync(
            query.Page ?? 1, query.PageSize ?? MemberQuery.DefaultPageSize, MemberDto.From, ct));
    }

    static async Task<Results<Ok<MemberDetails>, NotFound>> GetAsync(Guid id, RegistryDb db, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null)
            return TypedResults.NotFound();

        var graph = await db.LoadGraphAsync(ct);
        var networks = await SummariesAsync(db, graph.NetworksOf(id, transitive: false), ct);
        var ownMembers = await SummariesAsync(db, graph.MembersOf(id, transitive: false), ct);
        return TypedResults.Ok(new MemberDetails(MemberDto.From(member), networks, ownMembers));
    }

    static async Task<Results<Created<MemberDto>, ValidationProblem>> CreateAsync(
        MemberInput input, ClaimsPrincipal user, RegistryDb db, TimeProvider clock, CancellationToken ct)
    {
        var errors = MemberRules.Validate(input);
        await CheckAgsIsFreeAsync(db, input, memberId: null, errors, ct);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var now = clock.GetUtcNow();
        var member = new Member { Id = Guid.NewGuid(), Name = "" };
        MemberRules.Apply(input, member, now);
        db.Members.Add(member);
        db.AddIntegrationEvent(new MemberJoined(member.Id, member.Name, Kebab(member.Kind), member.Ags, member.FederalState, member.MayVote, now));
        db.AddAuditEntry(user, "member.created", $"member/{member.Id}", before: null, after: MemberDto.From(member));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/registry/members/{member.Id}", MemberDto.From(member));
    }

    static async Task<Results<Ok<MemberDto>, ValidationProblem, NotFound>> UpdateAsync(
        Guid id, MemberInput input, ClaimsPrincipal user, RegistryDb db, TimeProvider clock, CancellationToken ct)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null)
            return TypedResults.NotFound();

        var errors = MemberRules.Validate(input);
        await CheckAgsIsFreeAsync(db, input, id, errors, ct);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var before = MemberDto.From(member);
        var wasLeft = member.Status == MemberStatus.Left;
        var now = clock.GetUtcNow();
        MemberRules.Apply(input, member, now);
        if (member.Status == MemberStatus.Left && !wasLeft)
            db.AddIntegrationEvent(new MemberLeft(member.Id, member.Name, now));
        else
            db.AddIntegrationEvent(new MemberChanged(member.Id, member.Name, Kebab(member.Kind), member.Ags, member.FederalState,
                Kebab(member.Status), member.MayVote, now));
        db.AddAuditEntry(user, "member.changed", $"member/{member.Id}", before, MemberDto.From(member));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(MemberDto.From(member));
    }

    static async Task CheckAgsIsFreeAsync(RegistryDb db, MemberInput input, Guid? memberId, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (errors.ContainsKey("ags") || string.IsNullOrWhiteSpace(input.Ags))
            return;
        var ags = input.Ags.Trim();
        var holder = await db.Members.AsNoTracking().Where(m => m.Ags == ags && m.Id != memberId).Select(m => m.Name).FirstOrDefaultAsync(ct);
        if (holder is not null)
            errors["ags"] = [$"Der AGS {ags} ist bereits für {holder} eingetragen."];
    }

    internal static async Task<List<MemberSummary>> SummariesAsync(RegistryDb db, IReadOnlySet<Guid> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        var members = await db.Members.AsNoTracking().Where(m => list.Contains(m.Id)).OrderBy(m => m.SortKey).ToListAsync(ct);
        return members.Select(MemberSummary.From).ToList();
    }

    internal static string Kebab<TEnum>(TEnum value) where TEnum : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
