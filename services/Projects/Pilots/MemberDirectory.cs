using Grpc.Core;
using Kommune20.Registry.Grpc;
using RegistryClient = Kommune20.Registry.Grpc.Registry.RegistryClient;

namespace Kommune20.Projects.Pilots;

/// <summary>
/// Asks the register for the members a project names (lead, participants, partners), so a project holds real members
/// under their register names. Bounded: a silent Registry becomes a 503, not a hanging request.
/// </summary>
public sealed class MemberDirectory(RegistryClient registry)
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public sealed record Member(Guid Id, string Name, string Kind);

    /// <summary>The members by id; an id the register does not know is missing from the answer.</summary>
    /// <exception cref="RegisterUnavailableException">The Registry did not answer in time.</exception>
    public async Task<Dictionary<Guid, Member>> FindAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var found = new Dictionary<Guid, Member>();
        foreach (var id in ids.Distinct())
        {
            try
            {
                var reply = await registry.GetMemberAsync(new GetMemberRequest { MemberId = id.ToString() },
                    deadline: DateTime.UtcNow.Add(Patience), cancellationToken: ct);
                found[id] = new Member(id, reply.Name, reply.Kind);
            }
            catch (RpcException rpc) when (rpc.StatusCode == StatusCode.NotFound)
            {
                // Not a member: the caller names the field.
            }
            catch (RpcException rpc) when (!ct.IsCancellationRequested)
            {
                throw new RegisterUnavailableException(rpc);
            }
        }
        return found;
    }
}

public sealed class RegisterUnavailableException(Exception inner) : Exception("The Registry did not answer.", inner);
