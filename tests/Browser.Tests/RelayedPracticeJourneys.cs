using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kommune20.Contracts.Federation;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kommune20.Browser.Tests;

/// <summary>
/// A practice the Metropolregion Rhein-Neckar's network node publishes for Weinheim (which runs no node): the portal
/// names the network, Weinheim's page says who publishes for it, and Weinheim's own editor withdraws the practice.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class RelayedPracticeJourneys(Portal portal) : Journeys(portal)
{
    /// <summary>Weinheim's practice as the region's node pushes it (seed 001 names the region's shared geodata portal).</summary>
    static readonly PracticeRecord GeoNet = new(
        Title: "GeoNet.MRN – das gemeinsame Geodatenportal der Metropolregion",
        Summary: "Geodaten der Region an einem Ort",
        Goal: "Mobilitäts- und Geodaten der Region gemeinsam bereitstellen und nutzen.",
        StartYear: null,
        EndYear: null,
        Description: "Weinheim nutzt das Geodatenportal GeoNet.MRN der Metropolregion Rhein-Neckar, in dem die Kommunen der Region ihre Geodaten gemeinsam bereitstellen.",
        Topics: ["Geodaten"],
        SdgTargets: [],
        Beneficiaries: [],
        Contacts: [],
        FundingProgramme: null,
        Links: [new PracticeLink("GeoNet.MRN", "https://www.geonet-mrn.de")],
        Visibility: Contracts.Federation.Visibility.Public);

    /// <summary>Through the region's network node, as its editor would: the node pushes it under Weinheim's origin.</summary>
    async Task<Guid> PublishThroughTheRegionAsync()
    {
        var editor = Portal.Hub.Credentials.PersonNamed("metropolregion");
        using (var node = SignIn.WithToken(Portal.MetropolregionNode, await Portal.Hub.SignIn.PersonTokenAsync(editor.UserName, editor.Password)))
        using (var created = await node.PostAsJsonAsync($"/api/node/members/{DemoMembers.Weinheim}/practices", new { id = "geonet-mrn", record = GeoNet }, Json.Options))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var http = new HttpClient { BaseAddress = Portal.Address };
        Guid id = default;
        await Eventually.HoldsAsync(async () =>
        {
            using var found = JsonDocument.Parse(await http.GetStringAsync("/api/library/practices?q=GeoNet.MRN"));
            id = found.RootElement.GetProperty("items").EnumerateArray().Select(hit => hit.GetProperty("practice"))
                .Single(practice => practice.GetProperty("title").GetString() == GeoNet.Title).GetProperty("id").GetGuid();
        });
        return id;
    }

    [Fact]
    public async Task The_portal_names_the_network_that_published_for_Weinheim_and_Weinheims_editor_withdraws_the_practice()
    {
        var id = await PublishThroughTheRegionAsync();

        var visitor = await Portal.NewPageAsync();
        await visitor.GotoAsync($"/praxisbeispiele/{id}");
        await Expect(visitor.Locator("dl.angaben")).ToContainTextAsync("veröffentlicht über Metropolregion Rhein-Neckar");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Am Hub zurückziehen" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(visitor);
        await Screenshots.SaveAsync(visitor, "praxisbeispiel-netzwerk");

        await visitor.GotoAsync($"/mitglieder/{DemoMembers.Weinheim}");
        var publishers = visitor.GetByRole(AriaRole.Region, new() { Name = "Wer für Weinheim veröffentlicht" });
        await Expect(publishers.GetByRole(AriaRole.Listitem)).ToHaveTextAsync("veröffentlicht über Metropolregion Rhein-Neckar");
        await Accessibility.AssertNoSeriousViolationsAsync(visitor);
        await Screenshots.SaveAsync(visitor, "mitglied-weinheim");

        var editor = await Portal.SignedInAsync("weinheim", $"/praxisbeispiele/{id}", Widths.Phone);
        await editor.GetByRole(AriaRole.Link, new() { Name = "Zurückziehen … GeoNet.MRN – das gemeinsame Geodatenportal der Metropolregion" }).ClickAsync();
        await Expect(editor.GetByText("„GeoNet.MRN – das gemeinsame Geodatenportal der Metropolregion“ am Hub zurückziehen?")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(editor);
        await Screenshots.SaveAsync(editor, "praxisbeispiel-zurueckziehen");
        await editor.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Ja, zurückziehen") }).ClickAsync();
        await Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("ist am Hub zurückgezogen");
        await Accessibility.AssertNoSeriousViolationsAsync(editor);
    }
}
