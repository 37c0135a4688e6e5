namespace Kommune20.Meetings.Exchange;

/// <summary>What a moderator enters for a session; checked by <see cref="ExchangeRules"/>.</summary>
public sealed record SessionInput(string? Title, string? Theme, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Place,
    string? OnlineUrl, Guid? AssemblyId, Guid? AgendaItemId);

/// <summary>A co-moderator: the Registry person and how the programme names them.</summary>
public sealed record ModeratorInput(Guid? PersonId, string? Name, string? Organisation);

/// <summary>A panelist: the Registry person, whom they speak for, and the guiding questions put to them.</summary>
public sealed record PanelistInput(Guid? PersonId, string? Name, string? Organisation, Guid? MemberId, List<PanelistQuestionInput?>? Questions);

/// <summary>A guiding question put to a panelist, in the session's words or, with <c>wording</c>, in other words.</summary>
public sealed record PanelistQuestionInput(Guid? QuestionId, string? Wording);

/// <summary>A guiding question: the moderators' for the session, or a panelist's own.</summary>
public sealed record QuestionInput(string? Text);

/// <summary>
/// A panelist's statement: <c>answer</c> (with <c>questionId</c>), <c>preface</c> or <c>general</c>; <c>practiceIds</c>
/// links practices of the library (their ids there).
/// </summary>
public sealed record StatementInput(StatementKind? Kind, Guid? QuestionId, string? Text, List<Guid>? PracticeIds);

/// <summary>A statement's new text; <c>practiceIds</c> replaces its links to practices (left out: they stay).</summary>
public sealed record StatementTextInput(string? Text, List<Guid>? PracticeIds);
