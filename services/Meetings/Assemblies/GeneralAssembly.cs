namespace Kommune20.Meetings.Assemblies;

/// <summary>A general assembly (Mitgliederversammlung) of the association, from its draft to its approved minutes.</summary>
public sealed class GeneralAssembly
{
    public Guid Id { get; init; }
    public required string Title { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string? Place { get; set; }
    public string? OnlineUrl { get; set; }
    public required string Chair { get; set; }
    public required string MinuteTaker { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>When the invitation went out; the agenda and the times are fixed from then on.</summary>
    public DateTimeOffset? InvitedAt { get; set; }
    /// <summary>The voting members the invitation went to: whose calendars (<c>/feeds/members/{id}/events.ics</c>) hold the assembly.</summary>
    public List<Guid> InvitedMemberIds { get; set; } = [];
    public List<AgendaItem> Agenda { get; init; } = [];
}
