namespace Kommune20.Portal.Components.Pages.Exchange;

/// <summary>A takeaway the moderators record under a guiding question.</summary>
public sealed class TakeawayForm
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["guidingQuestionId"] = "Leitfrage", ["text"] = "Erkenntnis",
    };

    public Guid? GuidingQuestionId { get; set; }
    public string? Text { get; set; }
}
