using System.Net;
using System.Text;
using Kommune20.Portal.Components.Pages.Assemblies;
using Kommune20.Portal.Components.Pages.Office.Assemblies;
using Kommune20.Portal.Meetings;
using Kommune20.WebUi;
using Kommune20.WebUi.Problems;

namespace Kommune20.Portal.Tests;

/// <summary>The assemblies in German: status, times, results, and the Meetings API's refusals on the portal's forms.</summary>
public sealed class AssemblyWordsTests
{
    static readonly DateTimeOffset Start = new(2027, 5, 6, 8, 0, 0, TimeSpan.Zero);

    static AssemblySummary Assembly(DateTimeOffset? invitedAt, bool minutesFinal = false) =>
        new(Guid.NewGuid(), "7. Mitgliederversammlung", Start, Start.AddHours(6.5), "Heidelberg", null, invitedAt, minutesFinal);

    static Vote Closed(int yes, int no, int abstain, bool passed) => new(Guid.NewGuid(), Guid.NewGuid(), "Haushalt 2028", false, Majority.Simple,
        Start, Start.AddMinutes(10), 8, 4, 5, 1, yes, no, abstain, no + 1, passed);

    [Fact]
    public void An_assembly_goes_from_draft_to_invited_to_held_to_final_minutes()
    {
        Assert.Equal("Entwurf (noch nicht eingeladen)", AssemblyWords.Status(Assembly(null), Start.AddDays(-40)));
        Assert.Equal("eingeladen", AssemblyWords.Status(Assembly(Start.AddDays(-35)), Start.AddDays(-1)));
        Assert.Equal("läuft", AssemblyWords.Status(Assembly(Start.AddDays(-35)), Start.AddHours(1)));
        Assert.Equal("durchgeführt", AssemblyWords.Status(Assembly(Start.AddDays(-35)), Start.AddDays(1)));
        Assert.Equal("durchgeführt, Protokoll genehmigt", AssemblyWords.Status(Assembly(Start.AddDays(-35), minutesFinal: true), Start.AddDays(20)));
        Assert.True(AssemblyWords.IsUpcoming(Assembly(null), Start.AddHours(1)));
        Assert.False(AssemblyWords.IsUpcoming(Assembly(null), Start.AddHours(7)));
    }

    [Fact]
    public void Times_are_German_time_whatever_the_servers_zone()
    {
        // 08:00 UTC in May is 10:00 in Germany (summer time), and six and a half hours later 16:30.
        Assert.Equal("6. Mai 2027, 10:00 bis 16:30 Uhr", AssemblyWords.When(Assembly(null)));
        Assert.Equal(new DateTimeOffset(2027, 1, 13, 10, 0, 0, TimeSpan.FromHours(1)), German.FromLocal(new DateTime(2027, 1, 13, 10, 0, 0)));
        Assert.Equal("Heidelberg", AssemblyWords.Where(Assembly(null)));
    }

    [Fact]
    public void A_closed_vote_reads_its_counts_and_outcome()
    {
        var passed = Closed(4, 1, 2, passed: true);
        Assert.Equal("angenommen", AssemblyWords.Outcome(passed));
        Assert.Equal("Ja 4, Nein 1, Enthaltungen 2", AssemblyWords.Counts(passed));
        Assert.Equal("abgelehnt", AssemblyWords.Outcome(Closed(1, 1, 0, passed: false)));
        Assert.Equal("läuft", AssemblyWords.Outcome(passed with { ClosedAt = null, Passed = null }));
        Assert.Equal("Drei-Viertel-Mehrheit der abgegebenen Stimmen", AssemblyWords.MajorityLabel(Majority.ThreeQuarters));
        Assert.Equal("Satzungsänderung", AssemblyWords.KindLabel(DecisionKind.StatuteChange));
        Assert.Equal("Enthaltung", AssemblyWords.ChoiceLabel(Choice.Abstain));
    }

    [Fact]
    public async Task The_notice_periods_refusal_keeps_its_explanation()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.UnprocessableEntity)
        {
            Content = new StringContent("""
                {"title":"Die Einladungsfrist ist nicht mehr einzuhalten.","status":422,
                 "detail":"Die Satzung verlangt 28 Tage zwischen Einladung und Versammlung; die Einladung käme 18 Tage zu spät.","field":"startsAt"}
                """, Encoding.UTF8, "application/problem+json"),
        };

        var problem = await ApiProblem.ReadAsync(response);

        Assert.Equal("Die Einladungsfrist ist nicht mehr einzuhalten.", problem.Title);
        Assert.Equal("Die Satzung verlangt 28 Tage zwischen Einladung und Versammlung; die Einladung käme 18 Tage zu spät.", problem.Detail);
    }

    [Fact]
    public void A_refused_motion_or_document_lands_on_the_agenda_forms_own_fields()
    {
        var motion = new ApiProblem(400, "Die Angaben sind ungültig.", new Dictionary<string, string[]> { ["text"] = ["Der Antragstext fehlt."] });
        var item = new ApiProblem(400, "Die Angaben sind ungültig.", new Dictionary<string, string[]>
        {
            ["title"] = ["Der Titel fehlt."],
            ["documents[0].url"] = ["Die Unterlage braucht eine vollständige Adresse."],
        });

        Assert.Equal("Der Antragstext fehlt.", AgendaItemForm.Fields(motion, ofMotion: true).MessageFor("motionText"));
        var fields = AgendaItemForm.Fields(item, ofMotion: false);
        Assert.Equal("Der Titel fehlt.", fields.MessageFor("title"));
        Assert.Equal("Die Unterlage braucht eine vollständige Adresse.", fields.MessageFor("documentUrl"));
        Assert.Equal("Unterlage: Adresse", FieldLabels.Of("documentUrl", AgendaItemForm.Labels));
    }

    [Fact]
    public void The_proxy_forms_refusals_name_the_member_field()
    {
        Assert.Equal("Bevollmächtigtes Mitglied", FieldLabels.Of("holderId", ProxyForm.Labels));
        Assert.Equal("Ihr Mitglied", FieldLabels.Of("grantorId", ProxyForm.Labels));
    }
}
