using Kommune20.Contracts.Registry;
using Kommune20.Messaging;
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

/// <summary>A queue per instance: every instance must hear every change, not one of them in turn.</summary>
public sealed class RegisterChangedElsewhereDefinition(PerInstanceQueues queues) : PerInstanceConsumerDefinition<RegisterChangedElsewhere>(queues);
