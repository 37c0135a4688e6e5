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
}
