using MassTransit;

namespace Kommune20.Messaging;

/// <summary>
/// Queues that belong to one process and vanish with it, for a consumer that every instance of a service must run on
/// every message (discarding a cache, say) rather than the instances taking turns. Their names end in
/// <see cref="Suffix"/>: the machine's name (its first 40 characters) and a random part, since tests run several
/// instances in one process and pod names may share a long prefix.
/// They stay classic queues in a cluster: a quorum queue cannot be deleted with its consumer.
/// </summary>
public sealed class PerInstanceQueues
{
    public string Suffix { get; } = $"-{Environment.MachineName[..Math.Min(Environment.MachineName.Length, 40)]}-{Guid.NewGuid().ToString("N")[..8]}".ToLowerInvariant();

    public bool Owns(string queueName) => queueName.EndsWith(Suffix, StringComparison.Ordinal);
}

/// <summary>Gives a consumer a queue of this process's own (<see cref="PerInstanceQueues"/>).</summary>
public abstract class PerInstanceConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected PerInstanceConsumerDefinition(PerInstanceQueues queues) => Endpoint(endpoint =>
    {
        endpoint.Temporary = true;
        endpoint.InstanceId = queues.Suffix;
    });
}
