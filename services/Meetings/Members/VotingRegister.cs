using Grpc.Core;
using Kommune20.Registry.Grpc;

namespace Kommune20.Meetings.Members;

/// <summary>
/// The members that may vote today, asked of the Registry each time a quorum is computed or a vote opens: the Registry
/// holds its register in memory, and an assembly must count who is a member now, not who was when an event last arrived.
/// </summary>
public sealed class VotingRegister(Registry.Grpc.Registry.RegistryClient registry)
{
    /// <summary>Each voting member's id and name; <see cref="RegisterUnavailableException"/> when the Registry does not answer.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> VotingMembersAsync(CancellationToken cancellationToken)
    {
        try
        {
            var reply = await registry.ListVotingMembersAsync(new ListVotingMembersRequest(),
                deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: cancellationToken);
            return reply.Members.ToDictionary(member => Guid.Parse(member.MemberId), member => member.Name);
        }
        catch (RpcException exception) when (exception.StatusCode != StatusCode.Cancelled)
        {
            throw new RegisterUnavailableException(exception);
        }
    }
}

public sealed class RegisterUnavailableException(Exception inner)
    : Exception("The Registry did not say which members may vote.", inner);
