using Kommune20.Contracts.Federation;
using Kommune20.Contracts.Library;
using Kommune20.Messaging;
using MassTransit;

namespace Kommune20.Notifications.Notices;

/// <summary>
/// A city's practice as the federation applied it: published, changed (both in batches, one commit each, as the
/// federation announces thousands at once when cities reconnect), withdrawn.
/// </summary>
public sealed class PracticeNotices(NoticeRecorder recorder, InboxStore inbox)
    : IConsumer<Batch<PracticePublished>>, IConsumer<Batch<PracticeUpdated>>, IConsumer<PracticeWithdrawn>
{
    public async Task Consume(ConsumeContext<Batch<PracticePublished>> context) =>
        await recorder.RecordManyAsync([.. (await inbox.RecordNewAsync(context.Message, context.CancellationToken))
            .Select(published => Of(published, published.Message.Origin, published.Message.Practice, NoticeTypes.PracticePublished))], context.CancellationToken);

    public async Task Consume(ConsumeContext<Batch<PracticeUpdated>> context) =>
        await recorder.RecordManyAsync([.. (await inbox.RecordNewAsync(context.Message, context.CancellationToken))
            .Select(updated => Of(updated, updated.Message.Origin, updated.Message.Practice, NoticeTypes.PracticeUpdated))], context.CancellationToken);

    public Task Consume(ConsumeContext<PracticeWithdrawn> context)
    {
        var origin = context.Message.Origin;
        return recorder.RecordAsync(new Notice
        {
            Id = context.MessageId ?? NewId.NextGuid(),
            Type = NoticeTypes.PracticeWithdrawn,
            Subject = Subject(origin),
            Title = "Praxisbeispiel zurückgezogen",
            Link = Link(origin),
            MemberIds = [origin.OriginMemberId],
            IsPublic = true,
            IsWithdrawal = true,
            OccurredAt = origin.ChangedAt,
        }, context.CancellationToken);
    }

    static Notice Of(ConsumeContext context, RecordOrigin origin, PracticeRecord practice, string type) => new()
    {
        Id = context.MessageId ?? NewId.NextGuid(),
        Type = type,
        Subject = Subject(origin),
        Title = practice.Title,
        Summary = practice.Summary ?? practice.Goal,
        Link = Link(origin),
        MemberIds = [origin.OriginMemberId],
        Topics = [.. practice.Topics],
        SdgTargets = [.. practice.SdgTargets],
        IsPublic = practice.Visibility == Visibility.Public,
        OccurredAt = origin.ChangedAt,
    };

    static string Subject(RecordOrigin origin) => $"practices/{LibraryPracticeId.Of(origin.OriginMemberId, origin.OriginId)}";

    static string Link(RecordOrigin origin) => $"/praxisbeispiele/{LibraryPracticeId.Of(origin.OriginMemberId, origin.OriginId)}";
}

public sealed class PracticeNoticesDefinition : BatchConsumerDefinition<PracticeNotices>;
