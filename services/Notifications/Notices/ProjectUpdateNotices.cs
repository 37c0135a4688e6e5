using Kommune20.Contracts.Projects;
using Visibility = Kommune20.Contracts.Federation.Visibility;
using MassTransit;

namespace Kommune20.Notifications.Notices;

/// <summary>An update to a pilot project, once the hub accepted it, and its withdrawal.</summary>
public sealed class ProjectUpdateNotices(NoticeRecorder recorder) : IConsumer<ProjectUpdatePosted>, IConsumer<ProjectUpdateWithdrawn>
{
    public Task Consume(ConsumeContext<ProjectUpdatePosted> context)
    {
        var update = context.Message;
        return recorder.RecordAsync(new Notice
        {
            Id = context.MessageId ?? NewId.NextGuid(),
            Type = NoticeTypes.ProjectUpdatePosted,
            Subject = Subject(update.Key, update.UpdateId),
            Title = $"{update.ProjectTitle}: {update.Title}",
            Summary = update.Text,
            Link = Link(update.Key),
            ProjectKey = update.Key,
            ProjectTitle = update.ProjectTitle,
            MemberIds = [update.AuthorMemberId],
            IsPublic = update.Visibility == Visibility.Public,
            OccurredAt = update.PostedAt,
        }, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<ProjectUpdateWithdrawn> context)
    {
        var withdrawal = context.Message;
        return recorder.RecordAsync(new Notice
        {
            Id = context.MessageId ?? NewId.NextGuid(),
            Type = NoticeTypes.ProjectUpdateWithdrawn,
            Subject = Subject(withdrawal.Key, withdrawal.UpdateId),
            Title = "Neuigkeit zurückgezogen",
            Link = Link(withdrawal.Key),
            ProjectKey = withdrawal.Key,
            MemberIds = [withdrawal.AuthorMemberId],
            IsPublic = true,
            IsWithdrawal = true,
            OccurredAt = withdrawal.WithdrawnAt,
        }, context.CancellationToken);
    }

    static string Subject(string key, Guid updateId) => $"projects/{key}/updates/{updateId}";

    static string Link(string key) => $"/projekte/{Uri.EscapeDataString(key)}";
}
