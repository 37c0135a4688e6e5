using Kommune20.Meetings.Practices;

namespace Kommune20.Meetings.Exchange;

public sealed record SessionSummary(Guid Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, string? OnlineUrl,
    Guid? AssemblyId, int Panelists, DateTimeOffset? ResultsPublishedAt);

/// <summary>A session as the API shows it; person ids only to its moderators, who manage the panel.</summary>
public sealed record SessionDetail(Guid Id, string Title, string? Theme, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place,
    string? OnlineUrl, Guid? AssemblyId, Guid? AgendaItemId, List<ModeratorDto> Moderators, List<PanelistDto> Panelists,
    List<QuestionDto> Questions, Guid? OpenQuestionId, DateTimeOffset? ResultsPublishedAt)
{
    public static SessionDetail From(ExchangeSession session, bool showPeople) => new(session.Id, session.Title, session.Theme,
        session.StartsAt, session.EndsAt, session.Place, session.OnlineUrl, session.AssemblyId, session.AgendaItemId,
        session.Moderators.OrderBy(m => m.NamedAt).Select(m => new ModeratorDto(showPeople ? m.PersonId : null, m.Name, m.Organisation)).ToList(),
        session.Panelists.OrderBy(p => p.Position).Select(p => PanelistDto.From(p, session, showPeople)).ToList(),
        session.Questions.OrderBy(q => q.Position).Select(QuestionDto.From).ToList(),
        session.OpenQuestionId, session.ResultsPublishedAt);
}

public sealed record ModeratorDto(Guid? PersonId, string Name, string? Organisation);

public sealed record PanelistDto(Guid Id, Guid? PersonId, string Name, string Organisation, Guid? MemberId, List<PanelistQuestionDto> Questions)
{
    public static PanelistDto From(Panelist panelist, ExchangeSession session, bool showPeople) => new(panelist.Id,
        showPeople ? panelist.PersonId : null, panelist.Name, panelist.Organisation, panelist.MemberId,
        panelist.AskedQuestions(session).Select(asked => new PanelistQuestionDto(asked.Question.Id, asked.Text)).ToList());
}

/// <summary>A question as it was put to one panelist: in their wording where they have one.</summary>
public sealed record PanelistQuestionDto(Guid QuestionId, string Text);

public sealed record QuestionDto(Guid Id, int Position, string Text, Guid? PanelistId, DateTimeOffset? OpenedAt)
{
    public static QuestionDto From(GuidingQuestion question) =>
        new(question.Id, question.Position, question.Text, question.PanelistId, question.OpenedAt);
}

public sealed record StatementDto(Guid Id, Guid PanelistId, StatementKind Kind, Guid? QuestionId, string Text, List<LinkedPractice> Practices,
    DateTimeOffset WrittenAt, DateTimeOffset? ChangedAt)
{
    public static StatementDto From(Statement statement) => new(statement.Id, statement.PanelistId, statement.Kind, statement.QuestionId,
        statement.Text, statement.Practices, statement.WrittenAt, statement.ChangedAt);
}

/// <summary>A signed-in panelist's own part of a session: the questions put to them and what they wrote so far.</summary>
public sealed record MyPanel(Guid SessionId, string SessionTitle, PanelistDto Panelist, List<StatementDto> Statements, bool Editable);

public sealed record ReminderDto(Guid Id, Guid PanelistId, DateTimeOffset SentAt, List<string> OpenQuestions);
