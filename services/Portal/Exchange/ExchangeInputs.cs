namespace Kommune20.Portal.Exchange;

public sealed record StatementInput(StatementKind? Kind, Guid? QuestionId, string? Text);

public sealed record StatementTextInput(string? Text);

public sealed record AudienceQuestionInput(string? Text);

public sealed record TakeawayInput(Guid? GuidingQuestionId, string? Text);
