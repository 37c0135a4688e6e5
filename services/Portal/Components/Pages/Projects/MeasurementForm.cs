using Kommune20.Portal.Projects;

namespace Kommune20.Portal.Components.Pages.Projects;

/// <summary>
/// A survey or event as the lead city records it. The question rows are a fixed number of inputs (more come with the
/// "Weitere Frage" button, without script); empty rows are left out, and <see cref="RowOf"/> finds the row the API's
/// <c>questions[i]</c> names.
/// </summary>
public sealed class MeasurementForm
{
    public const int FirstRows = 3;
    public const int MaxRows = 20;
    public const string AddRow = "zeile";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["title"] = "Titel", ["kind"] = "Art", ["heldOn"] = "Datum", ["audienceGroups"] = "Zielgruppen", ["respondents"] = "Befragte",
        ["questions"] = "Fragen", ["questions[].question"] = "Frage", ["questions[].answered"] = "Antworten",
        ["questions[].approving"] = "davon zustimmend",
    };

    public string? Title { get; set; }
    public string Kind { get; set; } = "survey";
    public DateOnly? HeldOn { get; set; }
    public bool Staff { get; set; }
    public bool Council { get; set; }
    public bool Citizens { get; set; }
    public int? Respondents { get; set; }
    public List<QuestionRow> Questions { get; set; } = [];

    /// <summary>Which submit button was pressed: <see cref="AddRow"/> adds a question row instead of recording.</summary>
    public string? Action { get; set; }

    /// <summary>At least <see cref="FirstRows"/> rows, and <paramref name="extra"/> more (up to <see cref="MaxRows"/>).</summary>
    public void EnsureRows(int extra = 0)
    {
        var wanted = Math.Min(MaxRows, Math.Max(FirstRows, Questions.Count + extra));
        while (Questions.Count < wanted)
            Questions.Add(new QuestionRow());
    }

    IEnumerable<int> FilledRows => Questions.Select((row, index) => (row, index)).Where(r => !r.row.IsEmpty).Select(r => r.index);

    /// <summary>The row of the form the API's <c>questions[<paramref name="apiIndex"/>]</c> names.</summary>
    public int? RowOf(int apiIndex) => FilledRows.Skip(apiIndex).Select(i => (int?)i).FirstOrDefault();

    /// <summary>The API's index of a row, or null when the row is empty and not sent.</summary>
    public int? ApiIndexOf(int row) => FilledRows.ToList().IndexOf(row) is >= 0 and var i ? i : null;

    public MeasurementInput ToInput() => new(Title, Kind, HeldOn,
        new[] { (Staff, "staff"), (Council, "council"), (Citizens, "citizens") }.Where(g => g.Item1).Select(g => g.Item2).ToList(),
        Respondents, Questions.Where(q => !q.IsEmpty).Select(q => new ApprovalInput(q.Question, q.Answered, q.Approving)).ToList());

    public sealed class QuestionRow
    {
        public string? Question { get; set; }
        public int? Answered { get; set; }
        public int? Approving { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Question) && Answered is null && Approving is null;
    }
}
