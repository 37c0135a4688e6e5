namespace Kommune20.Meetings.Exchange;

/// <summary>
/// A person on a session's panel and the organisation they speak for, with the guiding questions put to them: panelists
/// answer different subsets, sometimes in a wording of their own.
/// </summary>
public sealed class Panelist
{
    public Guid Id { get; init; }
    public Guid SessionId { get; init; }
    /// <summary>The Registry person (the token's subject) who writes this panelist's statements.</summary>
    public Guid PersonId { get; init; }
    public required string Name { get; set; }
    /// <summary>Whom they speak for, as the programme names it ("Stadt Heidelberg, Amt für Digitales und Informationsverarbeitung").</summary>
    public required string Organisation { get; set; }
    /// <summary>The member of the register that organisation is, where it is one.</summary>
    public Guid? MemberId { get; set; }
    public int Position { get; set; }
    public List<PanelistQuestion> Questions { get; set; } = [];

    /// <summary>The questions put to this panelist in the session's order, each in the words it was put to them.</summary>
    public IEnumerable<(GuidingQuestion Question, string Text)> AskedQuestions(ExchangeSession session) =>
        from question in session.Questions
        join asked in Questions on question.Id equals asked.QuestionId
        orderby question.Position
        select (question, asked.Wording ?? question.Text);
}

/// <summary>A guiding question put to a panelist; <paramref name="Wording"/> where it was put to them in other words.</summary>
public sealed record PanelistQuestion(Guid QuestionId, string? Wording);
