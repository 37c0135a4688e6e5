using Kommune20.Meetings.Assemblies.Rules;
using Kommune20.Meetings.Data;
using Kommune20.Meetings.Members;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Attendance;

/// <summary>Who is at an assembly now: the register's voting members, the members with a delegate checked in, and the proxies in force.</summary>
public sealed class AssemblyAttendance(MeetingsDb db, VotingRegister register, Statutes statutes)
{
    public async Task<(VoterRoll Roll, IReadOnlyDictionary<Guid, string> VotingMembers)> RollAsync(Guid assemblyId, CancellationToken ct)
    {
        var voting = await register.VotingMembersAsync(ct);
        var checkedIn = await db.Delegates.Where(d => d.AssemblyId == assemblyId && d.CheckedInAt != null)
            .Select(d => d.MemberId).Distinct().ToListAsync(ct);
        var proxies = await ActiveProxiesAsync(assemblyId, ct);
        return (VoterRoll.Of(voting.Keys.ToHashSet(), checkedIn.ToHashSet(), proxies), voting);
    }

    public async Task<QuorumDto> QuorumAsync(Guid assemblyId, CancellationToken ct)
    {
        var (roll, _) = await RollAsync(assemblyId, ct);
        return new QuorumDto(roll.VotingMembers, roll.Present, roll.Represented, statutes.QuorumOf(roll.VotingMembers),
            roll.QuorumReached(statutes), statutes.QuorumPercent);
    }

    public async Task<List<ProxyGrant>> ActiveProxiesAsync(Guid assemblyId, CancellationToken ct) =>
        await db.Proxies.Where(p => p.AssemblyId == assemblyId && p.RevokedAt == null)
            .Select(p => new ProxyGrant(p.GrantorId, p.HolderId)).ToListAsync(ct);
}

/// <summary>The live quorum: voting members, those present and those represented, and how many the statutes require.</summary>
public sealed record QuorumDto(int VotingMembers, int Present, int Represented, int Required, bool Reached, int QuorumPercent);
