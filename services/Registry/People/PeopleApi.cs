using System.Security.Claims;
using Kommune20.Data.Audit;
using Kommune20.Data.Lists;
using Kommune20.Registry.Data;
using Kommune20.Registry.Identity;
using Kommune20.ServiceDefaults.Problems;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Registry.People;

/// <summary>People and their roles. Personal data: only the association office reads and writes it.</summary>
public static class PeopleApi
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/registry/people").WithTags("People").RequireAuthorization(Policies.Office);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapPut("/{id:guid}", UpdateAsync);
        group.MapDelete("/{id:guid}/lockout", LiftLockoutAsync);
        return group;
    }

    static async Task<Results<Ok<PagedList<PersonDto>>, ValidationProblem>> ListAsync(
        Guid? member, int? page, int? pageSize, RegistryDb db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        Paging.Check(page, pageSize, MaxPageSize, errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var people = db.People.AsNoTracking();
        if (member is { } memberId)
            people = people.Where(p => p.MemberId == memberId);
        return TypedResults.Ok(await people.OrderBy(p => p.Name).ThenBy(p => p.Id).ToPagedListAsync(page ?? 1, pageSize ?? DefaultPageSize, PersonDto.From, ct));
    }

    static async Task<Results<Created<PersonDto>, ValidationProblem>> CreateAsync(
        PersonInput input, ClaimsPrincipal user, RegistryDb db, IPasswordHasher<Person> hasher, CancellationToken ct)
    {
        var errors = PersonRules.Validate(input, isNew: true);
        await CheckReferencesAsync(db, input, errors, ct);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var person = new Person { Id = Guid.NewGuid(), UserName = input.UserName!, Name = input.Name!.Trim(), MemberId = input.MemberId!.Value };
        person.Roles = input.Roles!.Distinct().ToList();
        person.IsActive = input.IsActive ?? true;
        person.PasswordHash = hasher.HashPassword(person, input.Password!);
        db.People.Add(person);
        db.AddAuditEntry(user, "person.created", $"person/{person.Id}", before: null, after: PersonDto.From(person));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/registry/people/{person.Id}", PersonDto.From(person));
    }

    static async Task<Results<Ok<PersonDto>, ValidationProblem, NotFound>> UpdateAsync(
        Guid id, PersonInput input, ClaimsPrincipal user, RegistryDb db, IPasswordHasher<Person> hasher, CancellationToken ct)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
            return TypedResults.NotFound();
        var errors = PersonRules.Validate(input, isNew: false);
        await CheckReferencesAsync(db, input with { UserName = null }, errors, ct);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var before = PersonDto.From(person);
        person.Name = input.Name!.Trim();
        person.MemberId = input.MemberId!.Value;
        person.Roles = input.Roles!.Distinct().ToList();
        person.IsActive = input.IsActive ?? person.IsActive;
        if (input.Password is not null)
            person.PasswordHash = hasher.HashPassword(person, input.Password);
        // The password itself is never logged; that it was set is.
        db.AddAuditEntry(user, input.Password is null ? "person.changed" : "person.changed-with-password", $"person/{person.Id}", before, PersonDto.From(person));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(PersonDto.From(person));
    }

    /// <summary>The office lets a person who mistyped too often try again at once (their address's count stays).</summary>
    static async Task<Results<NoContent, NotFound>> LiftLockoutAsync(
        Guid id, ClaimsPrincipal user, RegistryDb db, SignInThrottle throttle, CancellationToken ct)
    {
        var userName = await db.People.Where(p => p.Id == id).Select(p => p.UserName).FirstOrDefaultAsync(ct);
        if (userName is null)
            return TypedResults.NotFound();
        await throttle.ForgetAsync(SignInThrottle.Person(userName), ct);
        db.AddAuditEntry(user, "person.lockout-lifted", $"person/{id}", before: null, after: null);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    static async Task CheckReferencesAsync(RegistryDb db, PersonInput input, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (input.MemberId is { } memberId && !await db.Members.AnyAsync(m => m.Id == memberId, ct))
            errors["memberId"] = ["Diese Organisation gibt es nicht."];
        if (input.UserName is { } userName && !errors.ContainsKey("userName") && await db.People.AnyAsync(p => p.UserName == userName, ct))
            errors["userName"] = [$"Den Benutzernamen \"{userName}\" gibt es schon."];
    }
}
