using Kommune20.Contracts.Registry;
using MassTransit;

namespace Kommune20.Registry.Members;

/// <summary>
/// Discards this instance's <see cref="RegisterSnapshot"/> when any Registry instance committed a change to the register:
/// the instance's own commits discard it at once (<see cref="RegisterSnapshotInterceptor"/>), the others' reach it
/// through their events, so replicas behind a load balancer answer from the same register within a moment.
/// </summary>
public sealed class RegisterChangedElsewhere(RegisterSnapshot snapshot) :
    IConsumer<MemberJoined>, IConsumer<MemberChanged>, IConsumer<MemberLeft>, IConsumer<NetworkMembershipChanged>
{
    public Task Consume(ConsumeContext<MemberJoined> context) => Discard();

    public Task Consume(ConsumeContext<MemberChanged> context) => Discard();

    public Task Consume(ConsumeContext<MemberLeft> context) => Discard();

    public Task Consume(ConsumeContext<NetworkMembershipChanged> context) => Discard();

    Task Discard()
    {
        snapshot.Discard();
        return Task.CompletedTask;
    }
}

/// <summary>
/// A queue per instance, gone with it: every instance must hear every change, not one of them in turn. Its name ends
/// in the machine's name and a random part, since tests run several Registries in one process.
/// </summary>
public sealed class RegisterChangedElsewhereDefinition : ConsumerDefinition<RegisterChangedElsewhere>
{
    public RegisterChangedElsewhereDefinition() => Endpoint(endpoint =>
    {
        endpoint.Temporary = true;
        endpoint.InstanceId = $"-{Environment.MachineName}-{Guid.NewGuid():N}"[..Math.Min(Environment.MachineName.Length + 10, 60)].ToLowerInvariant();
    });
}
