using Kommune20.Contracts.Registry;
using Kommune20.Messaging;
using MassTransit;

namespace Kommune20.Registry.Members;

/// <summary>
/// Discards this instance's <see cref="RegisterSnapshot"/> when any Registry instance committed a change to the register:
/// the instance's own commits discard it at once (<see cref="RegisterSnapshotInterceptor"/>), the others' reach it
/// through their events, so replicas behind a load balancer answer from the same register within a moment. The
/// instance's own events come back on its queue as well; the snapshot recognises and skips them.
/// </summary>
public sealed class RegisterChangedElsewhere(RegisterSnapshot snapshot) :
    IConsumer<MemberJoined>, IConsumer<MemberChanged>, IConsumer<MemberLeft>, IConsumer<NetworkMembershipChanged>
{
    public Task Consume(ConsumeContext<MemberJoined> context) => Heard(context);

    public Task Consume(ConsumeContext<MemberChanged> context) => Heard(context);

    public Task Consume(ConsumeContext<MemberLeft> context) => Heard(context);

    public Task Consume(ConsumeContext<NetworkMembershipChanged> context) => Heard(context);

    Task Heard(ConsumeContext context)
    {
        snapshot.Heard(context.MessageId);
        return Task.CompletedTask;
    }
}

/// <summary>A queue per instance: every instance must hear every change, not one of them in turn.</summary>
public sealed class RegisterChangedElsewhereDefinition(PerInstanceQueues queues) : PerInstanceConsumerDefinition<RegisterChangedElsewhere>(queues);
