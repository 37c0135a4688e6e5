namespace Kommune20.Portal.Exchange;

/// <summary>A session in the list (<c>GET /api/meetings/exchange-sessions</c>), newest first.</summary>
public sealed record SessionSummary(Guid Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, string? OnlineUrl,
    Guid? AssemblyId, int Panelists, DateTimeOffset? ResultsPublishedAt);

public sealed record SessionPage(IReadOnlyList<SessionSummary> Items, int Page, int PageSize, int Total);

/// <summary>A session with its moderators, panel and guiding questions; person ids only for its moderators.</summary>
public sealed record SessionDetail(Guid Id, string Title, string? Theme, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place,
    string? OnlineUrl, Guid? AssemblyId, Guid? AgendaItemId, List<SessionModerator> Moderators, List<PanelSeat> Panelists,
    List<GuidingQuestion> Questions, Guid? OpenQuestionId, DateTimeOffset? ResultsPublishedAt)
{
    public bool Published => ResultsPublishedAt is not null;

    /// <summary>The moderators' questions for the whole panel, without the panelists' own.</summary>
    public IEnumerable<GuidingQuestion> PanelQuestions => Questions.Where(q => q.PanelistId is null);

    public GuidingQuestion? OpenQuestion => Questions.FirstOrDefault(q => q.Id == OpenQuestionId);

    /// <summary>Whether the signed-in person (<paramref name="personId"/>, the token's subject) moderates it: only moderators see person ids.</summary>
    public bool IsModeratedBy(string? personId) =>
        Guid.TryParse(personId, out var person) && Moderators.Any(m => m.PersonId == person);
}

public sealed record SessionModerator(Guid? PersonId, string Name, string? Organisation);

/// <summary>A panelist: whom they speak for and the questions put to them, in their wording.</summary>
public sealed record PanelSeat(Guid Id, Guid? PersonId, string Name, string Organisation, Guid? MemberId, List<PutQuestion> Questions);

public sealed record PutQuestion(Guid QuestionId, string Text);

public sealed record GuidingQuestion(Guid Id, int Position, string Text, Guid? PanelistId, DateTimeOffset? OpenedAt);

public enum StatementKind
{
    Answer,
    Preface,
    General,
}

public sealed record Statement(Guid Id, Guid PanelistId, StatementKind Kind, Guid? QuestionId, string Text, DateTimeOffset WrittenAt,
    DateTimeOffset? ChangedAt);

/// <summary>A signed-in panelist's own part: the questions put to them and what they wrote; editable until the results are published.</summary>
public sealed record MyPanel(Guid SessionId, string SessionTitle, PanelSeat Panelist, List<Statement> Statements, bool Editable)
{
    public Statement? AnswerTo(Guid questionId) => Statements.FirstOrDefault(s => s.Kind == StatementKind.Answer && s.QuestionId == questionId);

    public Statement? Preface => Statements.FirstOrDefault(s => s.Kind == StatementKind.Preface);

    public IEnumerable<Statement> General => Statements.Where(s => s.Kind == StatementKind.General);
}

/// <summary>Who has answered what, for the session's moderators.</summary>
public sealed record SessionProgress(Guid SessionId, int Answered, int Asked, List<PanelistProgress> Panelists);

public sealed record PanelistProgress(Guid PanelistId, string Name, string Organisation, int Answered, int Asked, bool Preface, int General,
    List<QuestionProgress> Questions, DateTimeOffset? LastRemindedAt);

public sealed record QuestionProgress(Guid QuestionId, string Text, bool Answered, DateTimeOffset? WrittenAt);

public sealed record Reminder(Guid Id, Guid PanelistId, DateTimeOffset SentAt, List<string> OpenQuestions);
