using System.Net;
using System.Net.Http.Json;
using Kommune20.Library.Adoptions;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;

namespace Kommune20.Library.Tests;

/// <summary>Pforzheim declares, Heidelberg confirms; only then is the adoption verified, and everyone sees it.</summary>
[Collection(LibraryCollection.Name)]
public sealed class AdoptionsApiTests(LibraryFixture fixture)
{
    static StringContent Body(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    const string PforzheimsDeclaration = """
        {"stage":"adopted","changes":"Ausbildung über das vom Innenministerium geförderte Programm","since":"2019-01-01",
         "outcomes":[{"value":7,"label":"Digitallotsen ausgebildet"},{"value":2,"label":"davon Personalräte"}]}
        """;

    async Task<Guid> PublishDigitallotsenAsync()
    {
        var marker = "adoptionmarker" + Guid.NewGuid().ToString("N")[..6];
        await fixture.PublishAsync(PracticeSamples.Heidelberg, LibraryFixture.NewOriginId("lotsen"), PracticeSamples.Digitallotsen() with { Topics = [marker] });
        return (await fixture.SearchUntilAsync($"?topic={marker}", r => r.Total == 1)).Items[0].Practice.Id;
    }

    [Fact]
    public async Task Pforzheim_declares_Heidelberg_confirms_and_the_practice_shows_one_verified_adoption()
    {
        var practice = await PublishDigitallotsenAsync();
        using var pforzheim = await fixture.Registry.SignedInAsync(fixture.Library.CreateClient(), "pforzheim");
        using var heidelberg = await fixture.Registry.SignedInAsync(fixture.Library.CreateClient(), "heidelberg");

        using var declared = await pforzheim.PostAsync($"/api/library/practices/{practice}/adoptions", Body(PforzheimsDeclaration));
        Assert.Equal(HttpStatusCode.Created, declared.StatusCode);
        var adoption = (await declared.Content.ReadFromJsonAsync<AdoptionDto>(Json.Options))!;
        Assert.False(adoption.Verified);
        Assert.Equal("Pforzheim", adoption.Adopter.Name);
        Assert.Equal(7, adoption.Outcomes[0].Value);

        using var selfConfirmed = await pforzheim.PostAsync($"/api/library/practices/{practice}/adoptions/{adoption.Id}/confirmation", null);
        Assert.Equal(HttpStatusCode.Forbidden, selfConfirmed.StatusCode);
        var unverified = (await pforzheim.GetFromJsonAsync<PracticeAdoptions>($"/api/library/practices/{practice}/adoptions", Json.Options))!;
        Assert.Equal((0, 1), (unverified.Verified, unverified.Declared));

        using var confirmed = await heidelberg.PostAsync($"/api/library/practices/{practice}/adoptions/{adoption.Id}/confirmation", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        using var anonymous = fixture.Library.CreateClient();
        var adoptions = (await anonymous.GetFromJsonAsync<PracticeAdoptions>($"/api/library/practices/{practice}/adoptions", Json.Options))!;
        Assert.Equal(1, adoptions.Verified);
        var shown = Assert.Single(adoptions.Items);
        Assert.True(shown.Verified);
        Assert.Equal("Heidelberg", shown.Origin.Name);

        var ofPforzheim = (await anonymous.GetFromJsonAsync<MemberAdoptions>($"/api/library/members/{PracticeSamples.Pforzheim}/adoptions", Json.Options))!;
        Assert.Contains(ofPforzheim.Adopted, a => a.Id == adoption.Id && a.PracticeTitle == "Digitallotsinnen und Digitallotsen");
        var ofHeidelberg = (await anonymous.GetFromJsonAsync<MemberAdoptions>($"/api/library/members/{PracticeSamples.Heidelberg}/adoptions", Json.Options))!;
        Assert.Contains(ofHeidelberg.AdoptedFromIt, a => a.Id == adoption.Id && a.Verified);

        // The adopted facet follows the confirmation.
        await fixture.SearchUntilAsync($"?adopted=true&q=Digitallotsen", r => r.Items.Any(hit => hit.Practice.Id == practice && hit.Practice.VerifiedAdoptions == 1));
    }

    [Fact]
    public async Task Server_owned_fields_a_client_sends_are_not_stored()
    {
        var practice = await PublishDigitallotsenAsync();
        var chosenId = Guid.NewGuid();
        using var pforzheim = await fixture.Registry.SignedInAsync(fixture.Library.CreateClient(), "pforzheim");

        using var declared = await pforzheim.PostAsync($"/api/library/practices/{practice}/adoptions", Body($$"""
            {"stage":"adopted","id":"{{chosenId}}","verified":true,"confirmedAt":"2020-01-01T00:00:00Z","declaredAt":"2000-01-01T00:00:00Z",
             "adopterMemberId":"{{PracticeSamples.Heidelberg}}","adopter":{"id":"{{PracticeSamples.Heidelberg}}"},
             "originMemberId":"{{PracticeSamples.Pforzheim}}","practiceId":"{{Guid.NewGuid()}}","declaredBy":"someone-else"}
            """));
        Assert.Equal(HttpStatusCode.Created, declared.StatusCode);
        var adoption = (await declared.Content.ReadFromJsonAsync<AdoptionDto>(Json.Options))!;
        Assert.NotEqual(chosenId, adoption.Id);
        Assert.Equal((practice, PracticeSamples.Pforzheim, PracticeSamples.Heidelberg), (adoption.PracticeId, adoption.Adopter.Id, adoption.Origin.Id));
        Assert.False(adoption.Verified);
        Assert.Null(adoption.ConfirmedAt);
        Assert.True(adoption.DeclaredAt > DateTimeOffset.UtcNow.AddMinutes(-5));

        using var interested = await pforzheim.PostAsync($"/api/library/practices/{practice}/interests", Body($$"""
            {"statement":"Wir wollen das auch.","id":"{{chosenId}}","memberId":"{{PracticeSamples.Heidelberg}}","recordedAt":"2000-01-01T00:00:00Z"}
            """));
        Assert.Equal(HttpStatusCode.Created, interested.StatusCode);
        var interest = (await interested.Content.ReadFromJsonAsync<AdoptionInterestDto>(Json.Options))!;
        Assert.NotEqual(chosenId, interest.Id);
        Assert.Equal(PracticeSamples.Pforzheim, interest.Member.Id);
        Assert.True(interest.RecordedAt > DateTimeOffset.UtcNow.AddMinutes(-5));

        using var anonymous = fixture.Library.CreateClient();
        var stored = (await anonymous.GetFromJsonAsync<PracticeAdoptions>($"/api/library/practices/{practice}/adoptions", Json.Options))!;
        Assert.Equal((0, 1), (stored.Verified, stored.Declared));
        Assert.Equal(adoption.Id, Assert.Single(stored.Items).Id);
    }

    [Fact]
    public async Task Declarations_are_checked_and_each_member_declares_once()
    {
        var practice = await PublishDigitallotsenAsync();
        using var pforzheim = await fixture.Registry.SignedInAsync(fixture.Library.CreateClient(), "pforzheim");
        using var heidelberg = await fixture.Registry.SignedInAsync(fixture.Library.CreateClient(), "heidelberg");

        using var invalid = await pforzheim.PostAsync($"/api/library/practices/{practice}/adoptions", Body("""{"stage":"adopted","outcomes":[{"value":-7}]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("outcomes[0].value", problem);
        Assert.Contains("outcomes[0].label", problem);

        using var unknownStage = await pforzheim.PostAsync($"/api/library/practices/{practice}/adoptions", Body("""{"stage":"vielleicht"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, unknownStage.StatusCode);
        Assert.Contains("stage", await unknownStage.Content.ReadAsStringAsync());

        using var own = await heidelberg.PostAsync($"/api/library/practices/{practice}/adoptions", Body(PforzheimsDeclaration));
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains("practiceId", await own.Content.ReadAsStringAsync());

        using var first = await pforzheim.PostAsync($"/api/library/practices/{practice}/adoptions", Body(PforzheimsDeclaration));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using var second = await pforzheim.PostAsync($"/api/library/practices/{practice}/adoptions", Body(PforzheimsDeclaration));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);

        using var anonymous = fixture.Library.CreateClient();
        using var unauthenticated = await anonymous.PostAsync($"/api/library/practices/{practice}/adoptions", Body(PforzheimsDeclaration));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        using var noPractice = await pforzheim.PostAsync($"/api/library/practices/{Guid.NewGuid()}/adoptions", Body(PforzheimsDeclaration));
        Assert.Equal(HttpStatusCode.NotFound, noPractice.StatusCode);
    }

    [Fact]
    public async Task A_delegate_without_the_editor_role_cannot_declare()
    {
        var practice = await PublishDigitallotsenAsync();
        using var merseburg = await fixture.Registry.SignedInAsync(fixture.Library.CreateClient(), "merseburg");
        using var response = await merseburg.PostAsync($"/api/library/practices/{practice}/adoptions", Body(PforzheimsDeclaration));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_Metropolregion_records_its_interest_in_adapting_the_concept()
    {
        var practice = await PublishDigitallotsenAsync();
        using var metropolregion = await fixture.Registry.SignedInAsync(fixture.Library.CreateClient(), "metropolregion");

        using var recorded = await metropolregion.PostAsync($"/api/library/practices/{practice}/interests",
            Body("""{"statement":"Konzept der Digitallotsen der Stadt Heidelberg adaptieren und in die Welt tragen","source":"6. Mitgliederversammlung"}"""));
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);

        using var anonymous = fixture.Library.CreateClient();
        var interests = (await anonymous.GetFromJsonAsync<List<AdoptionInterestDto>>($"/api/library/practices/{practice}/interests", Json.Options))!;
        var interest = Assert.Single(interests);
        Assert.Equal("Metropolregion Rhein-Neckar", interest.Member.Name);
        var ofRegion = (await anonymous.GetFromJsonAsync<MemberAdoptions>($"/api/library/members/{PracticeSamples.Metropolregion}/adoptions", Json.Options))!;
        Assert.Contains(ofRegion.Interests, i => i.PracticeId == practice);

        using var empty = await metropolregion.PostAsync($"/api/library/practices/{practice}/interests", Body("""{"statement":""}"""));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("statement", await empty.Content.ReadAsStringAsync());
    }
}
