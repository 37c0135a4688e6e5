using Kommune20.Library.Members;
using Kommune20.Library.Practices;

namespace Kommune20.Library.Adoptions;

/// <summary>Turns adoptions and interests into what the API shows, with the members' names from their cards (asking the Registry about members met for the first time).</summary>
public sealed class AdoptionViews(MemberCards cards)
{
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
