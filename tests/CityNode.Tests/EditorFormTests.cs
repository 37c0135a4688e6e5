using Kommune20.CityNode.Pages;
using Kommune20.Contracts.Federation;
using Kommune20.WebUi.Problems;

namespace Kommune20.CityNode.Tests;

/// <summary>The editor's form names every field the node can refuse by its German label, never by its JSON path.</summary>
public sealed class EditorFormTests
{
    [Theory]
    [InlineData("record.sdgTargets[0]", "SDG-Unterziele (1. Eintrag)")]
    [InlineData("sdgTargets[2]", "SDG-Unterziele (3. Eintrag)")]
    [InlineData("record.title", "Titel")]
    [InlineData("id", "Kennung")]
    [InlineData("record.contacts[1].email", "Ansprechpartner (2. Eintrag), E-Mail")]
    public void A_refused_field_is_named_by_its_label(string field, string label) =>
        Assert.Equal(label, FieldLabels.Of(field, PracticeForm.Labels, "record."));

    [Fact]
    public void Every_field_the_rules_can_refuse_in_a_practice_has_a_label()
    {
        var everythingWrong = new PracticeRecord(
            Title: "", Summary: new string('x', RecordRules.MaxTextLength + 1), Goal: "", StartYear: 1800, EndYear: 1700, Description: "",
            Topics: [""], SdgTargets: ["16.66"], Beneficiaries: [""],
            Contacts: [null!, new PracticeContact("", "", new string('x', RecordRules.MaxTitleLength + 1), "keine-adresse")],
            FundingProgramme: new string('x', RecordRules.MaxTitleLength + 1), Links: [new PracticeLink("", "kein-link")], Visibility: (Visibility)7);

        var fields = RecordRules.Validate(everythingWrong).Keys.Select(field => "record." + field).Append("id").ToList();

        Assert.All(fields, field => Assert.DoesNotContain(field, FieldLabels.Of(field, PracticeForm.Labels, "record.")));
        Assert.Contains("record.contacts[1].email", fields);
        Assert.Contains("record.links[0].url", fields);
        Assert.Contains("record.visibility", fields);
    }

    [Fact]
    public void The_form_turns_its_lists_into_the_records_lists()
    {
        var form = new PracticeForm { Title = "Digitallotsen", Topics = "Verwaltung, , Bildung ", SdgTargets = "16.6,4.4", Beneficiaries = "Ältere\n\nFamilien" };

        var record = form.ToRecord(stored: null);

        Assert.Equal(["Verwaltung", "Bildung"], record.Topics);
        Assert.Equal(["16.6", "4.4"], record.SdgTargets);
        Assert.Equal(["Ältere", "Familien"], record.Beneficiaries);
    }
}
