using Kommune20.Library.Data;
using Kommune20.Library.Members;
using Kommune20.Library.Practices;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Library.Adoptions;

/// <summary>Turns adoptions and interests into what the API shows, with the members' names from their cards (asking the Registry about members met for the first time).</summary>
public sealed class AdoptionViews(LibraryDb db, MemberCards cards)
{
    /// <summary>A practice's adoptions, verified ones first.</summary>
    public async Task<PracticeAdoptions> OfPracticeAsync(Practice practice, CancellationToken ct)
    {
        var adoptions = (await db.Adoptions.AsNoTracking().Where(a => a.PracticeId == practice.Id).ToListAsync(ct))
            .OrderByDescending(a => a.IsVerified).ThenBy(a => a.DeclaredAt).ToList();
        var items = await AdoptionsAsync(adoptions, new Dictionary<Guid, Practice> { [practice.Id] = practice }, ct);
        return new PracticeAdoptions(items.Count(a => a.Verified), items.Count, items);
    }

    /// <summary>The adoption interests recorded for a practice, oldest first.</summary>
    public async Task<List<AdoptionInterestDto>> InterestsInAsync(Practice practice, CancellationToken ct)
    {
        var interests = (await db.AdoptionInterests.AsNoTracking().Where(i => i.PracticeId == practice.Id).ToListAsync(ct))
            .OrderBy(i => i.RecordedAt).ToList();
        return await InterestsAsync(interests, new Dictionary<Guid, Practice> { [practice.Id] = practice }, ct);
    }

    public async Task<List<AdoptionDto>> AdoptionsAsync(IReadOnlyList<Adoption> adoptions, IReadOnlyDictionary<Guid, Practice> practices, CancellationToken ct)
    {
        var names = await cards.ForAsync(adoptions.SelectMany(a => new[] { a.OriginMemberId, a.AdopterMemberId }), ct);
        return adoptions.Select(a => new AdoptionDto(a.Id, a.PracticeId, practices.GetValueOrDefault(a.PracticeId)?.Record?.Title,
                Ref(names, a.OriginMemberId), Ref(names, a.AdopterMemberId), a.Stage, a.Changes, a.Since, a.Outcomes,
                a.DeclaredAt, a.ConfirmedAt, a.IsVerified))
            .ToList();
    }

    public async Task<AdoptionDto> AdoptionAsync(Adoption adoption, Practice practice, CancellationToken ct) =>
        (await AdoptionsAsync([adoption], new Dictionary<Guid, Practice> { [practice.Id] = practice }, ct))[0];

    public async Task<List<AdoptionInterestDto>> InterestsAsync(IReadOnlyList<AdoptionInterest> interests, IReadOnlyDictionary<Guid, Practice> practices, CancellationToken ct)
    {
        var names = await cards.ForAsync(interests.Select(i => i.MemberId), ct);
        return interests.Select(i => new AdoptionInterestDto(i.Id, i.PracticeId, practices.GetValueOrDefault(i.PracticeId)?.Record?.Title,
                Ref(names, i.MemberId), i.Statement, i.Source, i.RecordedAt))
            .ToList();
    }

    static MemberRef Ref(IReadOnlyDictionary<Guid, MemberCard> names, Guid id) => new(id, names.GetValueOrDefault(id)?.Name);
}
