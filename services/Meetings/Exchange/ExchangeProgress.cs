namespace Kommune20.Meetings.Exchange;

/// <summary>Who has answered what: for the moderators, to see whom to remind of which questions.</summary>
public sealed record ExchangeProgress(Guid SessionId, int Answered, int Asked, List<PanelistProgress> Panelists)
{
    public static ExchangeProgress Of(ExchangeSession session, IReadOnlyList<Statement> statements, IReadOnlyList<Reminder> reminders)
    {
        var panelists = session.Panelists.OrderBy(p => p.Position).Select(panelist =>
        {
            var own = statements.Where(s => s.PanelistId == panelist.Id).ToList();
            var questions = panelist.AskedQuestions(session).Select(asked =>
            {
                var answer = own.FirstOrDefault(s => s.Kind == StatementKind.Answer && s.QuestionId == asked.Question.Id);
                return new QuestionProgress(asked.Question.Id, asked.Text, answer is not null, answer?.ChangedAt ?? answer?.WrittenAt);
            }).ToList();
            return new PanelistProgress(panelist.Id, panelist.Name, panelist.Organisation, questions.Count(q => q.Answered), questions.Count,
                own.Any(s => s.Kind == StatementKind.Preface), own.Count(s => s.Kind == StatementKind.General), questions,
                reminders.Where(r => r.PanelistId == panelist.Id).Select(r => (DateTimeOffset?)r.SentAt).Max());
        }).ToList();
        return new ExchangeProgress(session.Id, panelists.Sum(p => p.Answered), panelists.Sum(p => p.Asked), panelists);
    }

    /// <summary>The questions still unanswered by a panelist; one asked nothing is open until they wrote anything.</summary>
    public static List<string> OpenQuestions(PanelistProgress panelist) =>
        panelist.Asked == 0
            ? panelist.General == 0 && !panelist.Preface ? ["Statement"] : []
            : panelist.Questions.Where(q => !q.Answered).Select(q => q.Text).ToList();
}

public sealed record PanelistProgress(Guid PanelistId, string Name, string Organisation, int Answered, int Asked, bool Preface, int General,
    List<QuestionProgress> Questions, DateTimeOffset? LastRemindedAt);

public sealed record QuestionProgress(Guid QuestionId, string Text, bool Answered, DateTimeOffset? WrittenAt);
