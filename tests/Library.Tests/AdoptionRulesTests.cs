using Kommune20.Contracts.Library;
using Kommune20.Library.Adoptions;
using Kommune20.Library.Practices;
using Kommune20.Testing;

namespace Kommune20.Library.Tests;

/// <summary>Only the origin confirms an adoption; a member adopts others' practices; declarations are checked field by field.</summary>
public sealed class AdoptionRulesTests
{
    static readonly DateOnly Today = new(2026, 11, 26);

    static readonly Adoption PforzheimAdoptsHeidelberg = new()
    {
        Id = Guid.NewGuid(),
        OriginMemberId = PracticeSamples.Heidelberg,
        AdopterMemberId = PracticeSamples.Pforzheim,
        Stage = AdoptionStage.Adopted,
    };

    [Fact]
    public void Only_the_origin_member_may_confirm()
    {
        Assert.True(AdoptionRules.MayConfirm(PforzheimAdoptsHeidelberg, PracticeSamples.Heidelberg));
        Assert.False(AdoptionRules.MayConfirm(PforzheimAdoptsHeidelberg, PracticeSamples.Pforzheim));
        Assert.False(AdoptionRules.MayConfirm(PforzheimAdoptsHeidelberg, PracticeSamples.Heilbronn));
        Assert.False(AdoptionRules.MayConfirm(PforzheimAdoptsHeidelberg, null));
    }

    [Fact]
    public void A_member_adopts_practices_of_others_only()
    {
        var practice = Practice.From(PracticeSamples.Origin(PracticeSamples.Heidelberg, "digitallotsen"));
        Assert.True(AdoptionRules.MayAdopt(practice, PracticeSamples.Pforzheim));
        Assert.False(AdoptionRules.MayAdopt(practice, PracticeSamples.Heidelberg));
    }

    [Fact]
    public void Pforzheims_declaration_with_its_figures_is_valid() =>
        Assert.Empty(AdoptionRules.Validate(new DeclareAdoption(AdoptionStage.Adopted, "Über das Landesprogramm ausgebildet",
            new DateOnly(2019, 1, 1), [new OutcomeInput(7, "Digitallotsen ausgebildet"), new OutcomeInput(2, "davon Personalräte")]), Today));

    [Fact]
    public void Each_wrong_field_is_named()
    {
        var errors = AdoptionRules.Validate(new DeclareAdoption(null, new string('x', AdoptionRules.MaxTextLength + 1), Today.AddDays(1),
            [new OutcomeInput(-1, "Digitallotsen"), new OutcomeInput(3, " "), null!]), Today);
        Assert.Equal(["changes", "outcomes[0].value", "outcomes[1].label", "outcomes[2]", "since", "stage"], errors.Keys.Order());
    }

    [Fact]
    public void An_interest_needs_a_statement()
    {
        Assert.Equal(["statement"], AdoptionRules.Validate(new RecordInterest(" ", null)).Keys);
        Assert.Empty(AdoptionRules.Validate(new RecordInterest("Konzept der Digitallotsen adaptieren", "6. Mitgliederversammlung")));
    }
}
