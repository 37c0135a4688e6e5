using Kommune20.Portal.Registry;
using Kommune20.ServiceDefaults.Security;
using Kommune20.WebUi;

namespace Kommune20.Portal.Components.Pages.Office.Assemblies;

/// <summary>A person the office may name as a delegate at the door: one with the delegate role, of a voting member.</summary>
public sealed record DoorPerson(Guid PersonId, string Name, Guid MemberId, string MemberName)
{
    public static IReadOnlyList<DoorPerson> Of(IReadOnlyList<Member> members, IReadOnlyList<Person> people)
    {
        var voting = members.Where(m => m.MayVote).ToDictionary(m => m.Id, m => m.Name);
        return people.Where(p => p.IsActive && p.Roles.Contains(Roles.Delegate) && voting.ContainsKey(p.MemberId))
            .Select(p => new DoorPerson(p.Id, p.Name, p.MemberId, voting[p.MemberId]))
            .OrderBy(p => p.MemberName, StringComparer.Create(German.Culture, ignoreCase: true)).ThenBy(p => p.Name)
            .ToList();
    }
}
