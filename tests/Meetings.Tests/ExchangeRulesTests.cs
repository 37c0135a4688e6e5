using System.Security.Claims;
using Kommune20.Contracts.Federation;
using Kommune20.Meetings.Exchange;
using Kommune20.Meetings.Exchange.Guests;
using Kommune20.Meetings.Exchange.Live;
using Kommune20.Meetings.Practices;
using Kommune20.ServiceDefaults.Security;
using Kommune20.Testing;

namespace Kommune20.Meetings.Tests;

/// <summary>Who may do what in an exchange session, what a statement may say, and the order the panel is shown in.</summary>
public sealed class ExchangeRulesTests
{
    static readonly Guid Iese = Guid.NewGuid(), Kgst = Guid.NewGuid(), Heidelberg = Guid.NewGuid(), Pforzheim = Guid.NewGuid();

    static ClaimsPrincipal Person(Guid id, params string[] roles) => new(new ClaimsIdentity(
        [new Claim(Kommune20Claims.Subject, id.ToString()), .. roles.Select(r => new Claim(Kommune20Claims.Role, r))],
        "test", Kommune20Claims.Name, Kommune20Claims.Role));

    static (ExchangeSession Session, GuidingQuestion Politik, GuidingQuestion Zivil, Panelist Baumgaertner, Panelist Haerdtner) Freiburg()
    {
        var session = new ExchangeSession { Id = Guid.NewGuid(), Title = "Auf dem Weg zu digitalen Ökosystemen" };
        var politik = new GuidingQuestion { Id = Guid.NewGuid(), SessionId = session.Id, Position = 1, Text = "Wie kann die lokale Politik begeistert werden?" };
        var zivil = new GuidingQuestion { Id = Guid.NewGuid(), SessionId = session.Id, Position = 2, Text = "Wie wird die Zivilgesellschaft mit eingebunden?" };
        var baumgaertner = new Panelist
        {
            Id = Guid.NewGuid(), SessionId = session.Id, PersonId = Heidelberg, Name = "Svenja Baumgärtner", Organisation = "Stadt Heidelberg", Position = 2,
            Questions = [new(zivil.Id, null), new(politik.Id, null)],
        };
        var haerdtner = new Panelist
        {
            Id = Guid.NewGuid(), SessionId = session.Id, PersonId = Pforzheim, Name = "Sabrina Härdtner", Organisation = "Stadt Pforzheim", Position = 1,
            Questions = [new(zivil.Id, "Wie muss die Zivilgesellschaft mit eingebunden werden?")],
        };
        session.Questions.AddRange([politik, zivil]);
        session.Panelists.AddRange([baumgaertner, haerdtner]);
        session.Moderators.Add(new SessionModerator { SessionId = session.Id, PersonId = Iese, Name = "Ivan Acimovic" });
        return (session, politik, zivil, baumgaertner, haerdtner);
    }

    [Fact]
    public void Moderation_is_per_session_not_by_role()
    {
        var (session, _, _, _, _) = Freiburg();

        Assert.True(session.IsModeratedBy(Person(Iese, Roles.Moderator)));
        Assert.False(session.IsModeratedBy(Person(Kgst, Roles.Moderator)));
        session.Moderators.Add(new SessionModerator { SessionId = session.Id, PersonId = Kgst, Name = "Marc Groß" });
        Assert.True(session.IsModeratedBy(Person(Kgst)));
        Assert.False(session.IsModeratedBy(new ClaimsPrincipal(new ClaimsIdentity([new Claim(Kommune20Claims.Subject, "node-heidelberg")], "test"))));
    }

    [Fact]
    public void Statements_are_read_by_moderators_and_panel_until_published_then_by_everyone()
    {
        var (session, _, _, _, _) = Freiburg();
        var stranger = Person(Guid.NewGuid(), Roles.CityEditor);

        Assert.True(session.MayReadStatements(Person(Iese)));
        Assert.True(session.MayReadStatements(Person(Heidelberg)));
        Assert.False(session.MayReadStatements(stranger));
        session.ResultsPublishedAt = DateTimeOffset.UtcNow;
        Assert.True(session.MayReadStatements(stranger));
    }

    [Fact]
    public void A_panelist_answers_only_questions_put_to_them()
    {
        var (_, politik, zivil, _, haerdtner) = Freiburg();

        Assert.Empty(ExchangeRules.Validate(new StatementInput(StatementKind.Answer, zivil.Id, "Ziel einer Smart City …", null), haerdtner));
        Assert.Contains("questionId", ExchangeRules.Validate(new StatementInput(StatementKind.Answer, politik.Id, "…", null), haerdtner).Keys);
        Assert.Contains("questionId", ExchangeRules.Validate(new StatementInput(StatementKind.Answer, null, "…", null), haerdtner).Keys);
        Assert.Contains("questionId", ExchangeRules.Validate(new StatementInput(StatementKind.General, zivil.Id, "…", null), haerdtner).Keys);
        Assert.Contains("kind", ExchangeRules.Validate(new StatementInput(null, null, "…", null), haerdtner).Keys);
        Assert.Empty(ExchangeRules.Validate(new StatementInput(StatementKind.Preface, null, "Für alle Thesen gilt: …", null), haerdtner));
    }

    [Fact]
    public void A_statement_or_takeaway_links_only_public_practices_the_library_holds_each_once()
    {
        static LibraryPractice Practice(string originId, Visibility visibility = Visibility.Public, bool withdrawn = false)
        {
            var origin = new RecordOrigin(Heidelberg, originId, 1, DateTimeOffset.UtcNow);
            var practice = LibraryPractice.From(origin);
            practice.Apply(origin, PracticeSamples.Digitallotsen() with { Title = originId, Visibility = visibility });
            if (withdrawn)
                practice.Withdraw(origin with { Version = 2 });
            return practice;
        }
        var lotsen = Practice("digitallotsen");
        var intern = Practice("intern", Visibility.Network);
        var withdrawn = Practice("zurueckgezogen", withdrawn: true);
        var known = new[] { lotsen, intern, withdrawn }.ToDictionary(p => p.Id);
        var errors = new Dictionary<string, string[]>();

        var links = ExchangeRules.LinkPractices([lotsen.Id, Guid.NewGuid(), intern.Id, withdrawn.Id, lotsen.Id], known, errors);

        Assert.Equal([new LinkedPractice(lotsen.Id, "digitallotsen")], links);
        Assert.Equal($"/praxisbeispiele/{lotsen.Id}", links[0].Page);
        Assert.Equal(["practiceIds[1]", "practiceIds[2]", "practiceIds[3]", "practiceIds[4]"], errors.Keys.Order());
        var tooMany = new Dictionary<string, string[]>();
        ExchangeRules.LinkPractices(Enumerable.Repeat(lotsen.Id, ExchangeRules.MaxPracticeLinks + 1).ToList(), known, tooMany);
        Assert.Equal(["practiceIds"], tooMany.Keys);
    }

    [Fact]
    public void A_guest_takes_part_in_their_sessions_room_only_and_is_never_taken_for_a_person()
    {
        var (session, _, _, _, _) = Freiburg();
        session.Moderators.Add(new SessionModerator { SessionId = session.Id, PersonId = Iese, Name = "Ivan Acimovic" });
        // Even a guest whose id happened to be a moderator's person id is no moderator: a guest has no subject.
        var guest = GuestPasses.Principal(new GuestPass { Id = Iese, SessionId = session.Id, TokenHash = "…", Name = "Anna" });
        var elsewhere = GuestPasses.Principal(new GuestPass { Id = Guid.NewGuid(), SessionId = Guid.NewGuid(), TokenHash = "…", Name = "Gast" });
        var member = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(Kommune20Claims.Subject, Pforzheim.ToString()), new Claim(Kommune20Claims.MemberId, Guid.NewGuid().ToString())], "test"));

        Assert.Equal(new LiveParticipant(Iese, true, "Anna"), LiveParticipant.In(session.Id, guest));
        Assert.Null(guest.PersonId());
        Assert.False(session.IsModeratedBy(guest));
        Assert.False(session.MayReadStatements(guest));
        Assert.Null(LiveParticipant.In(session.Id, elsewhere));
        Assert.Equal(new LiveParticipant(Pforzheim, false, "Teilnehmende Person"), LiveParticipant.In(session.Id, member));
        Assert.Null(LiveParticipant.In(session.Id, Person(Kgst)));
    }

    [Theory]
    [InlineData("Konzept der Digitallotsen adaptieren\n- https://www.heidelberg.de/Digitale-Stadt,Lde/startseite/projekte/digital+lotsen.html", null)]
    [InlineData("Siehe [VKU](https://www.vku.de/themen/digitalisierung/) und <mailto:info@example.org>", null)]
    [InlineData("# Meine Überschrift\nText", "Überschriften")]
    [InlineData("Text\n===", "Überschriften")]
    [InlineData("[klick](javascript:alert(1))", "javascript:alert(1)")]
    [InlineData("   ", "fehlt")]
    public void A_statement_is_Markdown_with_web_links_and_without_headings(string text, string? problem)
    {
        var found = ExchangeRules.TextProblem(text);

        if (problem is null)
            Assert.Null(found);
        else
            Assert.Contains(problem, found);
    }

    [Fact]
    public void A_panelist_gets_questions_of_the_session_once_and_never_another_panelists_own()
    {
        var (session, politik, _, baumgaertner, haerdtner) = Freiburg();
        var own = new GuidingQuestion { Id = Guid.NewGuid(), SessionId = session.Id, Position = 3, Text = "Eigene Frage", PanelistId = baumgaertner.Id };
        session.Questions.Add(own);

        var errors = ExchangeRules.Validate(new PanelistInput(Pforzheim, "Sabrina Härdtner", "Stadt Pforzheim", null,
            [new(politik.Id, null), new(politik.Id, null), new(own.Id, null), new(Guid.NewGuid(), null)]), session, haerdtner.Id);

        Assert.Equal(["questions[1].questionId", "questions[2].questionId", "questions[3].questionId"], errors.Keys.Order());
        Assert.Contains("personId", ExchangeRules.Validate(new PanelistInput(Heidelberg, "Jemand", "Stadt Heidelberg", null, []), session, null).Keys);
    }

    [Fact]
    public void Statements_are_ordered_by_panel_then_preface_answers_by_question_and_general()
    {
        var (session, politik, zivil, baumgaertner, haerdtner) = Freiburg();
        var now = DateTimeOffset.UtcNow;
        Statement Of(Panelist panelist, StatementKind kind, GuidingQuestion? question, int minute) => new()
        {
            Id = Guid.NewGuid(), SessionId = session.Id, PanelistId = panelist.Id, Kind = kind, QuestionId = question?.Id,
            Text = $"{panelist.Name} {kind} {question?.Position}", WrittenAt = now.AddMinutes(minute),
        };

        var sorted = StatementOrder.Sort(session, [
            Of(baumgaertner, StatementKind.General, null, 0), Of(baumgaertner, StatementKind.Answer, zivil, 1),
            Of(baumgaertner, StatementKind.Answer, politik, 2), Of(baumgaertner, StatementKind.Preface, null, 3),
            Of(haerdtner, StatementKind.Answer, zivil, 4),
        ]).Select(s => s.Text);

        Assert.Equal(["Sabrina Härdtner Answer 2", "Svenja Baumgärtner Preface ", "Svenja Baumgärtner Answer 1",
            "Svenja Baumgärtner Answer 2", "Svenja Baumgärtner General "], sorted);
    }

    [Fact]
    public void Progress_shows_who_answered_what_in_their_wording_and_what_a_reminder_names()
    {
        var (session, politik, zivil, baumgaertner, haerdtner) = Freiburg();
        var answer = new Statement
        {
            Id = Guid.NewGuid(), SessionId = session.Id, PanelistId = baumgaertner.Id, Kind = StatementKind.Answer, QuestionId = politik.Id,
            Text = "Die lokale Politik wurde … eingebunden.", WrittenAt = DateTimeOffset.UtcNow,
        };

        var progress = ExchangeProgress.Of(session, [answer], []);

        Assert.Equal((1, 3), (progress.Answered, progress.Asked));
        var (first, second) = (progress.Panelists[0], progress.Panelists[1]);
        Assert.Equal("Sabrina Härdtner", first.Name);
        Assert.Equal(["Wie muss die Zivilgesellschaft mit eingebunden werden?"], ExchangeProgress.OpenQuestions(first));
        Assert.Equal([politik.Id, zivil.Id], second.Questions.Select(q => q.QuestionId));
        Assert.Equal([true, false], second.Questions.Select(q => q.Answered));
        Assert.Equal([zivil.Text], ExchangeProgress.OpenQuestions(second));
    }
}
