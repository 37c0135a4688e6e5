using Kommune20.Portal.Meetings;
using Kommune20.WebUi;

namespace Kommune20.Portal.Components.Pages.Office.Assemblies;

/// <summary>A new assembly as the office enters it; start and end are German wall-clock times.</summary>
public sealed class AssemblyForm
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["title"] = "Titel", ["startsAt"] = "Beginn", ["endsAt"] = "Ende", ["place"] = "Ort", ["onlineUrl"] = "Online-Zugang",
        ["chair"] = "Versammlungsleitung", ["minuteTaker"] = "Protokollführung",
    };

    public string? Title { get; set; }
    public DateTime? StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }
    public string? Place { get; set; }
    public string? OnlineUrl { get; set; }
    public string? Chair { get; set; }
    public string? MinuteTaker { get; set; }

    public AssemblyInput ToInput() => new(Title, StartsAt is { } start ? German.FromLocal(start) : null,
        EndsAt is { } end ? German.FromLocal(end) : null, Blank(Place), Blank(OnlineUrl), Chair, MinuteTaker);

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
