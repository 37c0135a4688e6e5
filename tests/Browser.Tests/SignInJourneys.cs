using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kommune20.Browser.Tests;

/// <summary>Who sees what follows the roles in the token: sign-in, sign-out, and the German "not allowed" page.</summary>
[Collection(PortalCollection.Name)]
public sealed class SignInJourneys(Portal portal) : Journeys(portal)
{
    [Fact]
    public async Task A_signed_out_visitor_is_sent_to_sign_in_for_an_editor_page_and_comes_back_to_it()
    {
        var page = await Portal.NewPageAsync();
        await page.GotoAsync("/redaktion");

        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Anmelden");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "anmelden");

        await Portal.FillLoginAsync(page, "heidelberg");
        await Expect(page).ToHaveURLAsync(new Regex($"/redaktion/{DemoMembers.Heidelberg}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Redaktion Heidelberg");
        await Expect(page.GetByText("Angemeldet: Svenja Baumgärtner")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_Pforzheim_editor_gets_a_German_not_allowed_page_for_Heidelbergs_records()
    {
        var page = await Portal.SignedInAsync("pforzheim");

        var response = await page.GotoAsync($"/redaktion/{DemoMembers.Heidelberg}");

        Assert.Equal(403, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nicht erlaubt");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("nur die Einträge ihrer eigenen Stadt");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "nicht-erlaubt");

        var office = await page.GotoAsync("/geschaeftsstelle");
        Assert.Equal(403, office!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nicht erlaubt");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Geschäftsstelle" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_here_and_at_the_issuer()
    {
        var page = await Portal.SignedInAsync("heilbronn", "/mitglieder");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Redaktion" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Anmelden" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Redaktion" })).ToHaveCountAsync(0);
        await page.GotoAsync("/redaktion");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
    }

    [Fact]
    public async Task An_unknown_address_gets_a_German_page_with_status_404()
    {
        var page = await Portal.NewPageAsync();

        var response = await page.GotoAsync("/gibt-es-nicht");

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Seite nicht gefunden");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
