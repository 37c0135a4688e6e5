using Kommune20.WebUi.Problems;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Kommune20.WebUi.Components;

/// <summary>
/// Puts a service's validation problem into the surrounding form: each message lands on the model property its JSON
/// field names, so the inputs mark themselves invalid (<c>aria-invalid</c>) just as with local validation.
/// </summary>
public sealed class ApiProblemValidator : ComponentBase
{
    ValidationMessageStore? _store;

    [CascadingParameter] EditContext? EditContext { get; set; }
    [Parameter] public ApiProblem? Problem { get; set; }

    /// <summary>Where the form's fields sit in the request body ("record." for a city node's records).</summary>
    [Parameter] public string Prefix { get; set; } = "";

    protected override void OnParametersSet()
    {
        var context = EditContext ?? throw new InvalidOperationException($"{nameof(ApiProblemValidator)} belongs inside an EditForm.");
        _store ??= new ValidationMessageStore(context);
        _store.Clear();
        foreach (var (field, messages) in Problem?.Errors ?? new Dictionary<string, string[]>())
        {
            var name = PropertyNameOf(field, Prefix);
            if (context.Model.GetType().GetProperties().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) is { } property)
                _store.Add(context.Field(property.Name), messages);
        }
        context.NotifyValidationStateChanged();
    }

    /// <summary>"record.sdgTargets[1]" with the prefix "record." names the property SdgTargets.</summary>
    internal static string PropertyNameOf(string field, string prefix)
    {
        var name = field.StartsWith(prefix, StringComparison.Ordinal) ? field[prefix.Length..] : field;
        var end = name.IndexOfAny(['[', '.']);
        return end < 0 ? name : name[..end];
    }
}
