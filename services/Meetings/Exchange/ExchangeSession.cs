namespace Kommune20.Meetings.Exchange;

/// <summary>
/// An exchange session (Erfahrungsaustausch): panelists from member cities, hubs and networks answer guiding questions in
/// written statements, which the moderators compile and publish. It may be held under an agenda item of an assembly.
/// </summary>
public sealed class ExchangeSession
{
    public Guid Id { get; init; }
    public required string Title { get; set; }
    /// <summary>What the session is about, as the programme introduces it (Markdown).</summary>
    public string? Theme { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string? Place { get; set; }
    public string? OnlineUrl { get; set; }
    public Guid? AssemblyId { get; set; }
    public Guid? AgendaItemId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>The guiding question the moderators opened last in the live room.</summary>
    public Guid? OpenQuestionId { get; set; }
    /// <summary>When the moderators published the results to the network; statements are fixed from then on.</summary>
    public DateTimeOffset? ResultsPublishedAt { get; set; }
    public List<SessionModerator> Moderators { get; init; } = [];
    public List<Panelist> Panelists { get; init; } = [];
    public List<GuidingQuestion> Questions { get; init; } = [];
}

/// <summary>A person who moderates this session: moderation is given per session, not a right over every session.</summary>
public sealed class SessionModerator
{
    public Guid SessionId { get; init; }
    /// <summary>The Registry person (the token's subject).</summary>
    public Guid PersonId { get; init; }
    public required string Name { get; set; }
    public string? Organisation { get; set; }
    public DateTimeOffset NamedAt { get; init; }
}
