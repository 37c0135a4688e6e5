using System.Security.Claims;
using Kommune20.Contracts.Library;
using Kommune20.Library.Data;
using Kommune20.Library.Practices;
using Kommune20.Library.Search;
using Kommune20.Messaging;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Library.Adoptions;

/// <summary>
/// Adoptions of a practice: a member declares it adopted or is adapting another member's practice, the origin member
/// confirms, and only confirmed adoptions count as verified. Adoption interests are recorded beside them.
/// </summary>
public static class AdoptionsApi
{
    public static RouteGroupBuilder MapAdoptionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/library").WithTags("Adoptions");
        group.MapGet("/practices/{practiceId:guid}/adoptions", ListAsync).AllowAnonymous();
        group.MapPost("/practices/{practiceId:guid}/adoptions", DeclareAsync).RequireAuthorization(Policies.CityEditor);
        group.MapPost("/practices/{practiceId:guid}/adoptions/{adoptionId:guid}/confirmation", ConfirmAsync).RequireAuthorization(Policies.CityEditor);
        group.MapGet("/practices/{practiceId:guid}/interests", ListInterestsAsync).AllowAnonymous();
        group.MapPost("/practices/{practiceId:guid}/interests", RecordInterestAsync).RequireAuthorization(Policies.CityEditor);
        group.MapGet("/members/{memberId:guid}/adoptions", OfMemberAsync).AllowAnonymous();
        return group;
    }

    static async Task<Results<Ok<PracticeAdoptions>, NotFound>> ListAsync(
        Guid practiceId, ClaimsPrincipal user, LibraryDb db, AdoptionViews views, CancellationToken ct)
    {
        var practice = await db.FindVisibleAsync(practiceId, user, ct);
        if (practice is null)
            return TypedResults.NotFound();
        return TypedResults.Ok(await views.OfPracticeAsync(practice, ct));
    }

    static async Task<Results<Created<AdoptionDto>, ValidationProblem, NotFound, ProblemHttpResult>> DeclareAsync(
        Guid practiceId, DeclareAdoption input, ClaimsPrincipal user, LibraryDb db, AdoptionViews views,
        TimeProvider clock, CancellationToken ct)
    {
        if (user.GetMemberId() is not { } adopter)
            return NoMember();
        var practice = await db.FindVisibleAsync(practiceId, user, ct);
        if (practice is null)
            return TypedResults.NotFound();

        var now = clock.GetUtcNow();
        var errors = AdoptionRules.Validate(input, DateOnly.FromDateTime(now.UtcDateTime));
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        if (!AdoptionRules.MayAdopt(practice, adopter))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["practiceId"] = ["Das ist eine Praxis des eigenen Mitglieds; übernommen werden Praxen anderer Mitglieder."],
            });
        if (await db.Adoptions.AnyAsync(a => a.PracticeId == practiceId && a.AdopterMemberId == adopter, ct))
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Diese Übernahme ist bereits erklärt.",
                detail: "Jedes Mitglied erklärt die Übernahme einer Praxis einmal.");

        var adoption = new Adoption
        {
            Id = Guid.NewGuid(),
            PracticeId = practice.Id,
            OriginMemberId = practice.OriginMemberId,
            AdopterMemberId = adopter,
            Stage = input.Stage!.Value,
            Changes = string.IsNullOrWhiteSpace(input.Changes) ? null : input.Changes.Trim(),
            Since = input.Since,
            Outcomes = (input.Outcomes ?? []).Select(o => new AdoptionOutcome(o.Value!.Value, o.Label!.Trim())).ToList(),
            DeclaredAt = now,
            DeclaredBy = user.FindFirstValue(Kommune20Claims.Subject),
        };
        db.Adoptions.Add(adoption);
        db.AddIntegrationEvent(new AdoptionDeclared(adoption.Id, practice.Id, practice.OriginMemberId, practice.OriginId, adopter, adoption.Stage, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/library/practices/{practice.Id}/adoptions/{adoption.Id}", await views.AdoptionAsync(adoption, practice, ct));
    }

    static async Task<Results<Ok<AdoptionDto>, NotFound, ProblemHttpResult>> ConfirmAsync(
        Guid practiceId, Guid adoptionId, ClaimsPrincipal user, LibraryDb db, AdoptionViews views, PracticeIndexSignal indexSignal,
        TimeProvider clock, CancellationToken ct)
    {
        var practice = await db.FindVisibleAsync(practiceId, user, ct);
        var adoption = await db.Adoptions.FirstOrDefaultAsync(a => a.Id == adoptionId && a.PracticeId == practiceId, ct);
        if (practice is null || adoption is null)
            return TypedResults.NotFound();
        if (!AdoptionRules.MayConfirm(adoption, user.GetMemberId()))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Nur das Herkunftsmitglied bestätigt.",
                detail: "Eine Übernahme bestätigt das Mitglied, dessen Praxis übernommen wurde; erst dann gilt sie als verifiziert.");

        if (!adoption.IsVerified)
        {
            var now = clock.GetUtcNow();
            adoption.ConfirmedAt = now;
            adoption.ConfirmedBy = user.FindFirstValue(Kommune20Claims.Subject);
            db.AddIntegrationEvent(new AdoptionConfirmed(adoption.Id, practice.Id, practice.OriginMemberId, practice.OriginId, adoption.AdopterMemberId, now));
            // The practice is re-indexed (it is adopted now) without writing the replica, which the federation may be changing.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await db.Practices.Where(p => p.Id == practice.Id).ExecuteUpdateAsync(set => set.SetProperty(p => p.Revision, p => p.Revision + 1), ct);
            await transaction.CommitAsync(ct);
            indexSignal.Notify();
        }
        return TypedResults.Ok(await views.AdoptionAsync(adoption, practice, ct));
    }

    static async Task<Results<Ok<List<AdoptionInterestDto>>, NotFound>> ListInterestsAsync(
        Guid practiceId, ClaimsPrincipal user, LibraryDb db, AdoptionViews views, CancellationToken ct)
    {
        var practice = await db.FindVisibleAsync(practiceId, user, ct);
        if (practice is null)
            return TypedResults.NotFound();
        return TypedResults.Ok(await views.InterestsInAsync(practice, ct));
    }

    static async Task<Results<Created<AdoptionInterestDto>, ValidationProblem, NotFound, ProblemHttpResult>> RecordInterestAsync(
        Guid practiceId, RecordInterest input, ClaimsPrincipal user, LibraryDb db, AdoptionViews views,
        TimeProvider clock, CancellationToken ct)
    {
        if (user.GetMemberId() is not { } member)
            return NoMember();
        var practice = await db.FindVisibleAsync(practiceId, user, ct);
        if (practice is null)
            return TypedResults.NotFound();
        var errors = AdoptionRules.Validate(input);
        if (!AdoptionRules.MayAdopt(practice, member))
            errors["practiceId"] = ["Das ist eine Praxis des eigenen Mitglieds."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var now = clock.GetUtcNow();
        var interest = new AdoptionInterest
        {
            Id = Guid.NewGuid(),
            PracticeId = practice.Id,
            OriginMemberId = practice.OriginMemberId,
            MemberId = member,
            Statement = input.Statement!.Trim(),
            Source = string.IsNullOrWhiteSpace(input.Source) ? null : input.Source.Trim(),
            RecordedAt = now,
            RecordedBy = user.FindFirstValue(Kommune20Claims.Subject),
        };
        db.AdoptionInterests.Add(interest);
        db.AddIntegrationEvent(new AdoptionInterestRecorded(interest.Id, practice.Id, practice.OriginMemberId, practice.OriginId, member, now));
        await db.SaveChangesAsync(ct);
        var dto = (await views.InterestsAsync([interest], new Dictionary<Guid, Practice> { [practice.Id] = practice }, ct))[0];
        return TypedResults.Created($"/api/library/practices/{practice.Id}/interests/{interest.Id}", dto);
    }

    static async Task<Ok<MemberAdoptions>> OfMemberAsync(Guid memberId, ClaimsPrincipal user, LibraryDb db, AdoptionViews views, CancellationToken ct)
    {
        var adoptions = await db.Adoptions.AsNoTracking().Where(a => a.AdopterMemberId == memberId || a.OriginMemberId == memberId).ToListAsync(ct);
        var interests = await db.AdoptionInterests.AsNoTracking().Where(i => i.MemberId == memberId).ToListAsync(ct);
        var practiceIds = adoptions.Select(a => a.PracticeId).Concat(interests.Select(i => i.PracticeId)).Distinct().ToList();
        var practices = (await db.Practices.AsNoTracking().Where(p => practiceIds.Contains(p.Id)).ToListAsync(ct))
            .Where(user.MaySee).ToDictionary(p => p.Id);

        var visible = adoptions.Where(a => practices.ContainsKey(a.PracticeId)).OrderBy(a => a.DeclaredAt).ToList();
        var dtos = await views.AdoptionsAsync(visible, practices, ct);
        var interestDtos = await views.InterestsAsync(interests.Where(i => practices.ContainsKey(i.PracticeId)).OrderBy(i => i.RecordedAt).ToList(), practices, ct);
        var name = (await db.MemberCards.AsNoTracking().FirstOrDefaultAsync(c => c.MemberId == memberId, ct))?.Name;
        return TypedResults.Ok(new MemberAdoptions(new MemberRef(memberId, name),
            dtos.Where(a => a.Adopter.Id == memberId).ToList(), dtos.Where(a => a.Origin.Id == memberId).ToList(), interestDtos));
    }

    static ProblemHttpResult NoMember() => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
        title: "Die Anmeldung spricht für kein Mitglied.", detail: "Übernahmen erklären angemeldete Mitglieder (Rolle city-editor).");
}
