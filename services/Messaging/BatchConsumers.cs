using System.Reflection;
using MassTransit;

namespace Kommune20.Messaging;

/// <summary>
/// Consumers that take their messages in batches (an <see cref="IConsumer{T}"/> of <see cref="Batch{T}"/>) and apply a
/// batch in one transaction: one commit for up to <see cref="MessageLimit"/> messages instead of one each, which is what
/// bounds a consumer on SQLite, where every commit waits for the disk (bench/findings/freshness.md). Their inbox is the
/// batch's own (<see cref="InboxStore.RecordNewAsync{TMessage}"/>, committed with the batch), so the per-message
/// <see cref="InboxFilter{TMessage}"/> leaves their message types alone in that service: a service takes a message type
/// in batches in all of its consumers of it or in none.
/// </summary>
public static class BatchConsumers
{
    public const int MessageLimit = 100;

    /// <summary>How long a batch waits for more messages after its first: the most a lone message is held back.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(20);

    /// <summary>The message types the consumers in <paramref name="assemblies"/> take in batches, and their batches.</summary>
    public static IReadOnlySet<Type> MessageTypesIn(IEnumerable<Assembly> assemblies) =>
        assemblies.SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false })
            .SelectMany(type => type.GetInterfaces())
            .Where(contract => contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IConsumer<>))
            .Select(contract => contract.GetGenericArguments()[0])
            .Where(IsBatch)
            .SelectMany(batch => new[] { batch, batch.GetGenericArguments()[0] })
            .ToHashSet();

    static bool IsBatch(Type message) => message.IsGenericType && message.GetGenericTypeDefinition() == typeof(Batch<>);
}

/// <summary>
/// Gives a batch consumer its batches: up to <see cref="BatchConsumers.MessageLimit"/> messages, or fewer once
/// <see cref="BatchConsumers.TimeLimit"/> has passed, one batch at a time, while the next one gathers.
/// </summary>
public abstract class BatchConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected BatchConsumerDefinition() => ConcurrentMessageLimit = 2 * BatchConsumers.MessageLimit;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = 2 * BatchConsumers.MessageLimit;
        consumerConfigurator.Options<BatchOptions>(options => options
            .SetMessageLimit(BatchConsumers.MessageLimit)
            .SetTimeLimit(BatchConsumers.TimeLimit)
            .SetConcurrencyLimit(1));
    }
}
