using Kommune20.Contracts.Registry;
using MassTransit;

namespace Kommune20.Library.Members;

/// <summary>A member's name or state changed in the Registry: its card and its practices in the index follow.</summary>
public sealed class MemberChangedConsumer(MemberCards cards) : IConsumer<MemberChanged>
{
    public Task Consume(ConsumeContext<MemberChanged> context) =>
        cards.RefreshAsync([context.Message.MemberId], context.CancellationToken);
}
