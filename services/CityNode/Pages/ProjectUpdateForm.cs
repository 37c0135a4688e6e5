using Kommune20.CityNode.Records;
using Kommune20.Contracts.Federation;

namespace Kommune20.CityNode.Pages;

/// <summary>An update to a pilot project as the editor's form posts it; the node's API validates it by the hub's rules.</summary>
public sealed class ProjectUpdateForm
{
    public string? Id { get; set; }
    public string? ProjectKey { get; set; }
    public string? Title { get; set; }
    public string? Text { get; set; }
    public DateOnly? HappenedOn { get; set; }
    public Visibility Visibility { get; set; } = Visibility.Public;
    public bool Draft { get; set; }

    /// <summary>The German labels of the record's fields, as <see cref="PracticeForm.Labels"/> has them for practices.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["id"] = "Kennung", ["projectKey"] = "Projekt", ["title"] = "Titel", ["text"] = "Text", ["happenedOn"] = "Datum",
        ["visibility"] = "Sichtbarkeit", ["status"] = "Status", ["record"] = "Neuigkeit",
    };

    public static ProjectUpdateForm From(NodeRecordDto<ProjectUpdateRecord> stored) => new()
    {
        Id = stored.Id,
        ProjectKey = stored.Record.ProjectKey,
        Title = stored.Record.Title,
        Text = stored.Record.Text,
        HappenedOn = stored.Record.HappenedOn,
        Visibility = stored.Record.Visibility,
    };

    public ProjectUpdateRecord ToRecord() => new(ProjectKey?.Trim() ?? "", Title ?? "", Text ?? "", HappenedOn, Visibility);
}
