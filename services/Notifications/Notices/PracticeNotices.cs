using Kommune20.Contracts.Federation;
using Kommune20.Contracts.Library;
using MassTransit;

namespace Kommune20.Notifications.Notices;

/// <summary>A city's practice as the federation applied it: published, changed, withdrawn.</summary>
public sealed class PracticeNotices(NoticeRecorder recorder)
    : IConsumer<PracticePublished>, IConsumer<PracticeUpdated>, IConsumer<PracticeWithdrawn>
{
    public Task Consume(ConsumeContext<PracticePublished> context) =>
        recorder.RecordAsync(Of(context, context.Message.Origin, context.Message.Practice, NoticeTypes.PracticePublished), context.CancellationToken);

    public Task Consume(ConsumeContext<PracticeUpdated> context) =>
        recorder.RecordAsync(Of(context, context.Message.Origin, context.Message.Practice, NoticeTypes.PracticeUpdated), context.CancellationToken);

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
