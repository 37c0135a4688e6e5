using Kommune20.Meetings.Assemblies.Rules;
using Kommune20.Meetings.Votes;

namespace Kommune20.Meetings.Assemblies;

public sealed record AssemblySummary(Guid Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place,
    string? OnlineUrl, DateTimeOffset? InvitedAt, bool MinutesFinal);

public sealed record AssemblyDetail(Guid Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place,
    string? OnlineUrl, string Chair, string MinuteTaker, DateTimeOffset? InvitedAt, DateTimeOffset InvitationDeadline,
    DateTimeOffset MotionDeadline, List<AgendaItemDto> Agenda, List<MotionDto> Motions, List<VoteDto> Votes, bool MinutesFinal);

public sealed record AgendaItemDto(Guid Id, int Position, string Title, string? Description, List<AgendaDocument> Documents,
    List<Guid> MotionIds);

public sealed record MotionDto(Guid Id, Guid? AgendaItemId, Guid? FiledBy, string Title, string Text, DecisionKind Kind, DateTimeOffset FiledAt,
    List<AmendmentDto> Amendments)
{
    public static MotionDto From(Motion motion) => new(motion.Id, motion.AgendaItemId, motion.FiledBy, motion.Title, motion.Text,
        motion.Kind, motion.FiledAt,
        motion.Amendments.OrderBy(a => a.FiledAt).Select(a => new AmendmentDto(a.Id, a.FiledBy, a.Text, a.FiledAt)).ToList());
}

public sealed record AmendmentDto(Guid Id, Guid FiledBy, string Text, DateTimeOffset FiledAt);
