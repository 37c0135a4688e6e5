using System.Text.RegularExpressions;
using Kommune20.WebUi.Problems;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Kommune20.Portal.Components.Pages.Projects;

/// <summary>
/// Puts the Projects service's messages for <c>questions[i].approving</c> and the like on the question row they came
/// from (empty rows are not sent), so that row's input marks itself invalid (<c>aria-invalid</c>).
/// </summary>
public sealed partial class QuestionRowValidator : ComponentBase
{
    ValidationMessageStore? _store;

    [CascadingParameter] EditContext? EditContext { get; set; }
    [Parameter, EditorRequired] public MeasurementForm Form { get; set; } = null!;
    [Parameter] public ApiProblem? Problem { get; set; }

    protected override void OnParametersSet()
    {
        var context = EditContext ?? throw new InvalidOperationException($"{nameof(QuestionRowValidator)} belongs inside an EditForm.");
        _store ??= new ValidationMessageStore(context);
        _store.Clear();
        foreach (var (field, messages) in Problem?.Errors ?? new Dictionary<string, string[]>())
        {
            if (RowField().Match(field) is { Success: true } match && Form.RowOf(int.Parse(match.Groups["index"].Value)) is { } row)
            {
                var part = match.Groups["part"].Value;
                _store.Add(new FieldIdentifier(Form.Questions[row], char.ToUpperInvariant(part[0]) + part[1..]), messages);
            }
        }
        context.NotifyValidationStateChanged();
    }

    [GeneratedRegex(@"^questions\[(?<index>\d+)\]\.(?<part>question|answered|approving)$")]
    private static partial Regex RowField();
}
