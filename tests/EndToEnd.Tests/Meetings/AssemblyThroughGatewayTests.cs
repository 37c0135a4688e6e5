using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kommune20.Contracts.Meetings;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests.Meetings;

/// <summary>
/// A whole general assembly through the gateway, as the office and the members' delegates do it: invitation within the
/// notice period, delegates, the quorum missed and then reached, a proxy, three votes (a simple majority with
/// abstentions, a statute change one vote short of three quarters, a secret ballot whose receipts a voter checks), every
/// way a delegate might try to vote where it may not, and the minutes approved by two persons, whose figures are the votes'.
/// </summary>
public sealed class AssemblyThroughGatewayTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    Hub Hub => fixture.Hub;

    [Fact]
    public async Task An_assembly_from_invitation_to_its_approved_minutes()
    {
        await using var approved = await EventProbe<MinutesApproved>.SubscribeAsync(Hub);
        using var office = await SignedInAsync("geschaeftsstelle");
        var delegates = new Dictionary<string, HttpClient>();
        foreach (var name in new[] { "heidelberg", "pforzheim", "heilbronn", "metropolregion", "merseburg", "digihub" })
            delegates[name] = await SignedInAsync(name);
        Guid MemberOf(string name) => Hub.Credentials.PersonNamed(name).MemberId;

        // Too late for the statutes' four weeks: refused, saying by how much.
        var hasty = await CreateAsync(office, DateTimeOffset.UtcNow.AddDays(10));
        using var late = await office.PostAsync($"/api/meetings/assemblies/{hasty}/invitation", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Contains("18 Tage", (await Problem(late)).GetProperty("detail").GetString());

        var assembly = await CreateAsync(office, DateTimeOffset.UtcNow.AddDays(35));
        var motions = new Dictionary<string, Guid>();
        using (var statuteChange = await office.PostAsJsonAsync($"/api/meetings/assemblies/{assembly}/motions",
                   new { title = "Satzungsänderung § 7: Online-Versammlungen", text = "§ 7 erhält einen Absatz 4.", kind = "statute-change" }))
            motions["statute"] = await IdOf(statuteChange, HttpStatusCode.Created);
        using (var board = await office.PostAsJsonAsync($"/api/meetings/assemblies/{assembly}/motions",
                   new { title = "Wahl der Kassenprüfung", text = "Gewählt wird Pforzheim.", kind = "election" }))
            motions["election"] = await IdOf(board, HttpStatusCode.Created);
        foreach (var motion in motions.Values)
            await SucceedsAsync(await office.PostAsJsonAsync($"/api/meetings/assemblies/{assembly}/agenda", new { title = "Antrag", motionId = motion }));
        using (var invited = await office.PostAsync($"/api/meetings/assemblies/{assembly}/invitation", null))
            Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        // A member files its motion once invited, before the statutes' deadline.
        using (var heidelberg = await delegates["heidelberg"].PostAsJsonAsync($"/api/meetings/assemblies/{assembly}/motions",
                   new { title = "Digitallotsen im Netzwerk verbreiten", text = "Die Versammlung empfiehlt das Konzept.", kind = "resolution" }))
            motions["lotsen"] = await IdOf(heidelberg, HttpStatusCode.Created);

        // Every delegate names itself; the office checks in a minority: no vote may open.
        var delegateIds = new Dictionary<string, Guid>();
        foreach (var (name, http) in delegates)
            using (var named = await http.PostAsJsonAsync($"/api/meetings/assemblies/{assembly}/delegates", new { }))
                delegateIds[name] = await IdOf(named, HttpStatusCode.Created);
        foreach (var name in new[] { "heidelberg", "pforzheim", "heilbronn" })
            await SucceedsAsync(await office.PostAsync($"/api/meetings/assemblies/{assembly}/delegates/{delegateIds[name]}/check-in", null));
        var quorum = await office.GetFromJsonAsync<JsonElement>($"/api/meetings/assemblies/{assembly}/quorum");
        Assert.Equal(8, quorum.GetProperty("votingMembers").GetInt32());
        Assert.Equal(3, quorum.GetProperty("present").GetInt32());
        Assert.False(quorum.GetProperty("reached").GetBoolean());
        using (var refused = await office.PostAsJsonAsync($"/api/meetings/assemblies/{assembly}/votes", new { motionId = motions["lotsen"] }))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("nicht beschlussfähig", (await Problem(refused)).GetProperty("title").GetString());
        }

        // Two more arrive, and DIGIHUB Südbaden, absent, gives its vote to Heidelberg.
        foreach (var name in new[] { "metropolregion", "merseburg" })
            await SucceedsAsync(await office.PostAsync($"/api/meetings/assemblies/{assembly}/delegates/{delegateIds[name]}/check-in", null));
        using (var proxy = await delegates["digihub"].PostAsJsonAsync($"/api/meetings/assemblies/{assembly}/proxies", new { holderId = MemberOf("heidelberg") }))
            Assert.Equal(HttpStatusCode.Created, proxy.StatusCode);
        quorum = await office.GetFromJsonAsync<JsonElement>($"/api/meetings/assemblies/{assembly}/quorum");
        Assert.Equal((5, 1, true), (quorum.GetProperty("present").GetInt32(), quorum.GetProperty("represented").GetInt32(), quorum.GetProperty("reached").GetBoolean()));

        // A simple majority with abstentions: 3 yes, 1 no, 2 abstentions pass.
        var lotsen = await OpenAsync(office, assembly, motions["lotsen"], secret: false);
        await CastAsync(delegates["heidelberg"], lotsen, MemberOf("heidelberg"), "no");
        await CastAsync(delegates["heidelberg"], lotsen, MemberOf("heidelberg"), "yes");          // changed before the close, counted once
        await CastAsync(delegates["heidelberg"], lotsen, MemberOf("digihub"), "yes");              // by proxy
        await CastAsync(delegates["pforzheim"], lotsen, MemberOf("pforzheim"), "no");
        await CastAsync(delegates["heilbronn"], lotsen, MemberOf("heilbronn"), "abstain");
        await CastAsync(delegates["metropolregion"], lotsen, MemberOf("metropolregion"), "yes");
        await CastAsync(delegates["merseburg"], lotsen, MemberOf("merseburg"), "abstain");
        using (var notTheirs = await BallotAsync(delegates["pforzheim"], lotsen, MemberOf("heilbronn"), "yes"))
            Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        using (var absent = await BallotAsync(delegates["digihub"], lotsen, MemberOf("digihub"), "no"))
            Assert.Equal(HttpStatusCode.Forbidden, absent.StatusCode);
        var result = await CloseAsync(office, lotsen);
        Assert.Equal((3, 1, 2, true), (result.GetProperty("yes").GetInt32(), result.GetProperty("no").GetInt32(),
            result.GetProperty("abstain").GetInt32(), result.GetProperty("passed").GetBoolean()));
        using (var afterClose = await BallotAsync(delegates["pforzheim"], lotsen, MemberOf("pforzheim"), "yes"))
            Assert.Equal(HttpStatusCode.Conflict, afterClose.StatusCode);
        using (var again = await office.PostAsync($"/api/meetings/votes/{lotsen}/close", null))
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(3, (await office.GetFromJsonAsync<JsonElement>($"/api/meetings/votes/{lotsen}")).GetProperty("yes").GetInt32());

        // The statute change needs three quarters of the votes cast: 4 yes against 2 no is one vote short.
        var statute = await OpenAsync(office, assembly, motions["statute"], secret: false);
        foreach (var (name, member, choice) in new[] { ("heidelberg", "heidelberg", "yes"), ("heidelberg", "digihub", "yes"),
                     ("pforzheim", "pforzheim", "yes"), ("heilbronn", "heilbronn", "no"), ("metropolregion", "metropolregion", "yes"), ("merseburg", "merseburg", "no") })
            await CastAsync(delegates[name], statute, MemberOf(member), choice);
        result = await CloseAsync(office, statute);
        Assert.Equal((4, 2, 5, false), (result.GetProperty("yes").GetInt32(), result.GetProperty("no").GetInt32(),
            result.GetProperty("yesNeeded").GetInt32(), result.GetProperty("passed").GetBoolean()));

        // A secret ballot: the receipts are published with the result, and each voter finds its own.
        var election = await OpenAsync(office, assembly, motions["election"], secret: true);
        var receipts = new Dictionary<string, (string Code, string Choice)>();
        foreach (var (name, choice) in new[] { ("heidelberg", "yes"), ("pforzheim", "yes"), ("heilbronn", "no"), ("metropolregion", "yes"), ("merseburg", "abstain") })
            receipts[name] = ((await CastAsync(delegates[name], election, MemberOf(name), choice)).GetProperty("receiptCode").GetString()!, choice);
        using (var twice = await BallotAsync(delegates["heilbronn"], election, MemberOf("heilbronn"), "yes"))
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var changed = await CastAsync(delegates["heilbronn"], election, MemberOf("heilbronn"), "yes", receipts["heilbronn"].Code);
        Assert.Equal(receipts["heilbronn"].Code, changed.GetProperty("receiptCode").GetString());
        receipts["heilbronn"] = (receipts["heilbronn"].Code, "yes");
        using (var early = await office.GetAsync($"/api/meetings/votes/{election}/receipts"))
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        result = await CloseAsync(office, election);
        Assert.Equal((4, 0, 1, true), (result.GetProperty("yes").GetInt32(), result.GetProperty("no").GetInt32(),
            result.GetProperty("abstain").GetInt32(), result.GetProperty("passed").GetBoolean()));
        using var anonymous = new HttpClient { BaseAddress = Hub.Gateway };
        var published = await anonymous.GetFromJsonAsync<JsonElement[]>($"/api/meetings/votes/{election}/receipts");
        Assert.Equal(5, published!.Length);
        foreach (var (code, choice) in receipts.Values)
            Assert.Contains(published, line => line.GetProperty("receiptCode").GetString() == code && line.GetProperty("choice").GetString() == choice);

        var detail = await anonymous.GetFromJsonAsync<JsonElement>($"/api/meetings/assemblies/{assembly}");
        Assert.Equal(3, detail.GetProperty("votes").GetArrayLength());

        // The minutes: a draft only the office reads, approved by two persons, then final, public and unchangeable.
        var minutes = $"/api/meetings/assemblies/{assembly}/minutes";
        using (var generated = await office.PostAsync(minutes, null))
            Assert.Equal("draft", (await JsonOf(generated)).GetProperty("status").GetString());
        foreach (var reader in new[] { anonymous, delegates["heidelberg"] })
            using (var hidden = await reader.GetAsync($"{minutes}.md"))
                Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var minuteTaker = await OfficePeople.NewSignedInAsync(Hub, "Erika Protokoll");
        using (var chair = await office.PostAsJsonAsync($"{minutes}/approval", new { @as = "chair" }))
            Assert.Equal("draft", (await JsonOf(chair)).GetProperty("status").GetString());
        using (var samePerson = await office.PostAsJsonAsync($"{minutes}/approval", new { @as = "minute-taker" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, samePerson.StatusCode);
            Assert.Contains("derselben Person", (await Problem(samePerson)).GetProperty("title").GetString());
        }
        using (var taker = await minuteTaker.PostAsJsonAsync($"{minutes}/approval", new { @as = "minute-taker" }))
            Assert.Equal("final", (await JsonOf(taker)).GetProperty("status").GetString());
        await Eventually.HoldsAsync(() =>
        {
            Assert.Single(approved.Consumed, e => e.AssemblyId == assembly);
            return Task.CompletedTask;
        });

        var markdown = await anonymous.GetStringAsync($"{minutes}.md");
        var html = await anonymous.GetStringAsync($"{minutes}.html");
        var pdf = PdfText(await anonymous.GetByteArrayAsync($"{minutes}.pdf"));
        foreach (var (format, text) in new[] { ("Markdown", markdown), ("HTML", html), ("PDF", pdf) })
        {
            var figures = new[]
            {
                "Digitallotsen im Netzwerk verbreiten", "Ja 3, Nein 1, Enthaltungen 2", "nötig waren 3 Ja-Stimmen", "Der Antrag ist angenommen.",
                "Satzungsänderung § 7: Online-Versammlungen", "Ja 4, Nein 2, Enthaltungen 0", "nötig waren 5 Ja-Stimmen", "Der Antrag ist abgelehnt.",
                "Wahl der Kassenprüfung", "geheim", "Ja 4, Nein 0, Enthaltungen 1", "Der Antrag ist angenommen.",
                "gez. Max Schulze-Vorberg", "gez. Erika Protokoll",
            };
            var flat = Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(text, "<[^>]+>|\\\\|\\*\\*", "")), "\\s+", " ");
            var at = 0;
            foreach (var figure in figures)
            {
                var found = flat.IndexOf(figure, at, StringComparison.Ordinal);
                Assert.True(found >= 0, $"{format}: \"{figure}\" missing after position {at}:\n{flat}");
                at = found + figure.Length;
            }
            Assert.Equal(3, Regex.Matches(flat, "8 stimmberechtigte Mitglieder, 5 anwesend, 1 vertreten, erforderlich 4").Count);
            Assert.DoesNotContain("Entwurf", flat);
        }

        // Final minutes never change: neither regenerated nor approved again.
        foreach (var change in new[] { office.PostAsync(minutes, null), minuteTaker.PostAsJsonAsync($"{minutes}/approval", new { @as = "chair" }) })
            using (var refused = await change)
            {
                Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
                Assert.Equal("Das Protokoll ist genehmigt und endgültig.", (await Problem(refused)).GetProperty("title").GetString());
            }
        Assert.Equal(markdown, await anonymous.GetStringAsync($"{minutes}.md"));

        // The office's log has each of its acts on this assembly, by whom; nobody else reads it.
        var audit = await office.GetFromJsonAsync<JsonElement>("/api/meetings/office/audit?pageSize=200");
        var acts = audit.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("subject").GetString()!.StartsWith($"assembly/{assembly}", StringComparison.Ordinal))
            .Select(e => e.GetProperty("action").GetString()).ToList();
        foreach (var act in new[] { "assembly.created", "assembly.agenda-item-added", "assembly.invited", "delegate.checked-in", "vote.opened",
                     "vote.closed", "minutes.generated", "minutes.approved-as-chair", "minutes.approved-as-minute-taker" })
            Assert.Contains(act, acts);
        using (var notOffice = await delegates["heidelberg"].GetAsync("/api/meetings/office/audit"))
            Assert.Equal(HttpStatusCode.Forbidden, notOffice.StatusCode);
    }

    [Fact]
    public async Task A_partner_institution_neither_names_delegates_nor_votes()
    {
        using var office = await SignedInAsync("geschaeftsstelle");
        using var partner = await SignedInAsync("moderation-iese");
        var assembly = await CreateAsync(office, DateTimeOffset.UtcNow.AddDays(40));
        await SucceedsAsync(await office.PostAsJsonAsync($"/api/meetings/assemblies/{assembly}/agenda", new { title = "Begrüßung" }));
        await SucceedsAsync(await office.PostAsync($"/api/meetings/assemblies/{assembly}/invitation", null));

        using var named = await partner.PostAsJsonAsync($"/api/meetings/assemblies/{assembly}/delegates", new { });
        Assert.Equal(HttpStatusCode.Forbidden, named.StatusCode);
        using var ballot = await BallotAsync(partner, Guid.NewGuid(), Hub.Credentials.PersonNamed("moderation-iese").MemberId, "yes");
        Assert.Equal(HttpStatusCode.Forbidden, ballot.StatusCode);
        using var proxy = await office.PostAsJsonAsync($"/api/meetings/assemblies/{assembly}/proxies",
            new { grantorId = Hub.Credentials.PersonNamed("moderation-iese").MemberId, holderId = Hub.Credentials.PersonNamed("heidelberg").MemberId });
        Assert.Equal(HttpStatusCode.BadRequest, proxy.StatusCode);
        Assert.True((await Problem(proxy)).GetProperty("errors").TryGetProperty("grantorId", out _));
    }

    async Task<HttpClient> SignedInAsync(string userName)
    {
        var person = Hub.Credentials.PersonNamed(userName);
        return SignIn.WithToken(Hub.Gateway, await Hub.SignIn.PersonTokenAsync(person.UserName, person.Password));
    }

    /// <summary>A second person of the association's office, created through the Registry, signed in.</summary>
    /// <summary>The PDF's text as Debian's pdftotext (poppler-utils) reads it; <c>./kommune20 test</c> installs it.</summary>
    static string PdfText(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"minutes-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"pdftotext could not read the minutes' PDF (exit code {process.ExitCode}).");
            return text;
        }
        catch (Win32Exception)
        {
            Assert.Fail("pdftotext is missing: install Debian's poppler-utils (apt-get install poppler-utils); ./kommune20 test does.");
            throw;
        }
        finally
        {
            File.Delete(file);
        }
    }

    async Task<Guid> CreateAsync(HttpClient office, DateTimeOffset startsAt)
    {
        using var created = await AssemblyDraft.PostAsync(office, startsAt);
        return await IdOf(created, HttpStatusCode.Created);
    }

    async Task<Guid> OpenAsync(HttpClient office, Guid assembly, Guid motion, bool secret)
    {
        using var opened = await office.PostAsJsonAsync($"/api/meetings/assemblies/{assembly}/votes", new { motionId = motion, secret });
        return await IdOf(opened, HttpStatusCode.Created);
    }

    static Task<HttpResponseMessage> BallotAsync(HttpClient delegateHttp, Guid vote, Guid member, string choice, string? receiptCode = null) =>
        delegateHttp.PostAsJsonAsync($"/api/meetings/votes/{vote}/ballots", new { memberId = member, choice, receiptCode });

    static async Task<JsonElement> CastAsync(HttpClient delegateHttp, Guid vote, Guid member, string choice, string? receiptCode = null)
    {
        using var cast = await BallotAsync(delegateHttp, vote, member, choice, receiptCode);
        Assert.True(cast.StatusCode == HttpStatusCode.OK, await cast.Content.ReadAsStringAsync());
        return await cast.Content.ReadFromJsonAsync<JsonElement>();
    }

    static async Task<JsonElement> CloseAsync(HttpClient office, Guid vote)
    {
        using var closed = await office.PostAsync($"/api/meetings/votes/{vote}/close", null);
        Assert.True(closed.StatusCode == HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        return await closed.Content.ReadFromJsonAsync<JsonElement>();
    }

    async Task SucceedsAsync(HttpResponseMessage response)
    {
        using (response)
            Assert.True(response.IsSuccessStatusCode,
                $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{Hub.Process("meetings").RecentLog}");
    }

    async Task<Guid> IdOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected,
            $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{Hub.Process("meetings").RecentLog}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{Hub.Process("meetings").RecentLog}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    static async Task<JsonElement> Problem(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
