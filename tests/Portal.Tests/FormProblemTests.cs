using Kommune20.Portal.Components.Pages.Office;
using Kommune20.Portal.Components.Pages.Practices;
using Kommune20.WebUi.Components;
using Kommune20.WebUi.Problems;

namespace Kommune20.Portal.Tests;

/// <summary>A service's problem lands on the form field it names, also for nested and indexed fields.</summary>
public sealed class FormProblemTests
{
    static readonly ApiProblem Problem = new(400, "Die Angaben sind ungültig.", new Dictionary<string, string[]>
    {
        ["record.sdgTargets[1]"] = ["\"16.66\" ist kein Unterziel der SDGs (z. B. 16.6)."],
        ["record.title"] = ["Dieses Feld fehlt."],
    });

    [Fact]
    public void A_field_collects_the_messages_of_its_parts()
    {
        Assert.Equal("\"16.66\" ist kein Unterziel der SDGs (z. B. 16.6).", Problem.MessageFor("record.sdgTargets"));
        Assert.True(Problem.Names("record.title"));
        Assert.False(Problem.Names("record.tit"));
        Assert.Null(Problem.MessageFor("record.goal"));
    }

    [Theory]
    [InlineData("record.sdgTargets[1]", "sdgTargets")]
    [InlineData("record.title", "title")]
    [InlineData("outcomes[0].value", "outcomes")]
    public void The_validator_maps_a_field_to_the_models_property(string field, string property) =>
        Assert.Equal(property, ApiProblemValidator.PropertyNameOf(field, "record."));

    [Fact]
    public void An_input_is_described_by_its_hint_and_by_its_message_when_it_has_one()
    {
        Assert.Equal("sdg-hinweis record.sdgTargets-fehler",
            FieldProblem.InputAttributes(Problem, "record.sdgTargets", "record.sdgTargets-fehler", "sdg-hinweis")["aria-describedby"]);
        Assert.Equal("sdg-hinweis", FieldProblem.InputAttributes(null, "record.sdgTargets", "x", "sdg-hinweis")["aria-describedby"]);
        Assert.Empty(FieldProblem.InputAttributes(null, "record.goal", "x"));
    }

    [Theory]
    [InlineData("outcomes[0].value", "Wert")]
    [InlineData("changes", "Was Sie anders machen")]
    public void The_adoption_form_names_a_field_by_its_label(string field, string label) =>
        Assert.Equal(label, FieldLabels.Of(field, DeclarationForm.Labels));

    [Fact]
    public void An_entry_of_a_list_is_named_by_the_lists_label_and_its_position()
    {
        Assert.Equal("Rollen (2. Eintrag)", FieldLabels.Of("roles[1]", People.Labels));
        Assert.Equal("unbekannt[0]", FieldLabels.Of("unbekannt[0]", People.Labels));
    }
}
