namespace Kommune20.Meetings.Exchange;

/// <summary>The order of the compiled document (seeds/001): panel by panel; each panelist's preface, then the answers in the order of the questions, then what follows no question.</summary>
public static class StatementOrder
{
    public static IEnumerable<Statement> Sort(ExchangeSession session, IEnumerable<Statement> statements)
    {
        var panelists = session.Panelists.ToDictionary(p => p.Id, p => p.Position);
        var questions = session.Questions.ToDictionary(q => q.Id, q => q.Position);
        return statements
            .OrderBy(s => panelists.GetValueOrDefault(s.PanelistId, int.MaxValue))
            .ThenBy(s => s.Kind switch { StatementKind.Preface => 0, StatementKind.Answer => 1, _ => 2 })
            .ThenBy(s => s.QuestionId is { } question ? questions.GetValueOrDefault(question, int.MaxValue) : 0)
            .ThenBy(s => s.WrittenAt)
            .ThenBy(s => s.Id);
    }
}
