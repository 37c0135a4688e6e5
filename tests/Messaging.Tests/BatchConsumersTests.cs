using MassTransit;

namespace Kommune20.Messaging.Tests;

public sealed class BatchConsumersTests
{
    [Fact]
    public void The_types_a_service_takes_in_batches_are_left_to_the_batch_inbox_and_the_rest_to_the_inbox_filter()
    {
        var batched = BatchConsumers.MessageTypesIn([typeof(BatchConsumersTests).Assembly]);

        Assert.Contains(typeof(Batched), batched);
        Assert.Contains(typeof(Batch<Batched>), batched);
        Assert.DoesNotContain(typeof(OneByOne), batched);
    }

    public sealed record Batched;

    public sealed record OneByOne;

    public sealed class BatchedConsumer(InboxStore inbox) : InboxBatchConsumer<Batched>(inbox)
    {
        protected override Task ConsumeAsync(IReadOnlyList<Batched> messages, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public sealed class OneByOneConsumer : IConsumer<OneByOne>
    {
        public Task Consume(ConsumeContext<OneByOne> context) => Task.CompletedTask;
    }
}
