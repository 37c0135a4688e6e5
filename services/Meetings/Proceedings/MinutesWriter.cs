using System.Text;
using Kommune20.Meetings.Assemblies.Rules;
using static Kommune20.Meetings.Documents.GermanTime;
using static Kommune20.Meetings.Documents.MarkdownText;

namespace Kommune20.Meetings.Proceedings;

/// <summary>
/// Writes an assembly's minutes (Protokoll) as Markdown, in the order of a German Vereinsprotokoll: place and time, who
/// led and who took the minutes, attendance, the quorum, the agenda, each resolution with its figures, and the signatures
/// (the names of those who approved). Everything members typed is escaped, so a motion's text cannot add headings or markup.
/// </summary>
public static class MinutesWriter
{
    /// <summary>The record part of the minutes; it stays as generated until the next regeneration, and for good once final.</summary>
    public static string Write(MinutesRecord record)
    {
        var md = new StringBuilder();
        md.Append("# Protokoll: ").AppendLine(Escape(record.Title)).AppendLine();
        if (record.Place is not null)
            Field(md, "Ort", Escape(record.Place));
        if (record.OnlineUrl is not null)
            Field(md, "Online", $"<{record.OnlineUrl}>");
        Field(md, "Datum", Local(record.StartsAt).ToString("dddd, d. MMMM yyyy", German));
        Field(md, "Beginn", Time(record.StartsAt));
        Field(md, "Ende", Time(record.EndsAt));
        Field(md, "Versammlungsleitung", Escape(record.Chair));
        Field(md, "Protokollführung", Escape(record.MinuteTaker));
        md.AppendLine();

        WriteAttendance(md, record);

        var quorum = record.Quorum;
        md.AppendLine("## Feststellung der Beschlussfähigkeit").AppendLine()
            .Append($"Die Versammlungsleitung stellt fest, dass am {Date(record.InvitedAt)} unter Einhaltung der satzungsgemäßen Frist ")
            .Append($"von {record.NoticeDays} Tagen form- und fristgerecht eingeladen wurde. Von {quorum.VotingMembers} stimmberechtigten ")
            .Append($"Mitgliedern sind {quorum.Present} anwesend und {quorum.Represented} durch Vollmacht vertreten; ")
            .Append($"die Satzung verlangt {quorum.Required}. ")
            .AppendLine(quorum.Reached ? "Die Versammlung ist beschlussfähig." : "Die Versammlung ist nicht beschlussfähig.").AppendLine();

        md.AppendLine("## Tagesordnung").AppendLine();
        for (var i = 0; i < record.Agenda.Count; i++)
            md.AppendLine($"{i + 1}. {EscapeLine(record.Agenda[i])}");
        md.AppendLine();

        md.AppendLine("## Beschlüsse").AppendLine();
        if (record.Votes.Count == 0)
            md.AppendLine("Es wurden keine Beschlüsse gefasst.").AppendLine();
        for (var i = 0; i < record.Votes.Count; i++)
            WriteVote(md, i + 1, record.Votes[i]);
        return md.ToString();
    }

    /// <summary>
    /// The whole minutes: a draft notice while not final, the record, and the signatures, which name who approved
    /// in each role (a generated Protokoll is signed by approving it).
    /// </summary>
    public static string Document(string record, string chair, string minuteTaker, MinutesApproval? byChair,
        MinutesApproval? byMinuteTaker, DateTimeOffset generatedAt, DateTimeOffset? finalAt)
    {
        var md = new StringBuilder();
        if (finalAt is null)
            md.AppendLine($"**Entwurf** vom {DateAndTime(generatedAt)}, noch nicht genehmigt.").AppendLine();
        md.Append(record);
        md.AppendLine("## Unterschriften").AppendLine();
        Signature(md, "Versammlungsleitung", chair, byChair);
        Signature(md, "Protokollführung", minuteTaker, byMinuteTaker);
        md.AppendLine();
        if (finalAt is { } final)
            md.AppendLine($"Genehmigt und den Mitgliedern veröffentlicht am {DateAndTime(final)}.").AppendLine();
        return md.ToString();
    }

    /// <summary>"angenommen" or "abgelehnt", as the minutes say it.</summary>
    public static string Outcome(bool passed) => passed ? "angenommen" : "abgelehnt";

    static void WriteAttendance(StringBuilder md, MinutesRecord record)
    {
        md.AppendLine("## Anwesenheit").AppendLine().AppendLine("### Anwesende Mitglieder").AppendLine();
        if (record.Present.Count == 0)
            md.AppendLine("Kein Mitglied war anwesend.").AppendLine();
        else
        {
            md.AppendLine("| Mitglied | Delegierte | Eingecheckt |").AppendLine("|---|---|---|");
            foreach (var member in record.Present)
                foreach (var present in member.Delegates)
                    md.AppendLine($"| {Cell(member.Name)} | {Cell(present.Name)} | {DateAndTime(present.CheckedInAt)} |");
            md.AppendLine();
        }

        md.AppendLine("### Durch Vollmacht vertreten").AppendLine();
        if (record.Represented.Count == 0)
            md.AppendLine("Kein Mitglied war durch Vollmacht vertreten.").AppendLine();
        else
        {
            md.AppendLine("| Mitglied | vertreten durch |").AppendLine("|---|---|");
            foreach (var member in record.Represented)
                md.AppendLine($"| {Cell(member.Name)} | {Cell(member.Holder)} |");
            md.AppendLine();
        }
    }

    static void WriteVote(StringBuilder md, int number, VoteRecord vote)
    {
        md.AppendLine($"### Beschluss {number}: {Escape(vote.MotionTitle)}").AppendLine();
        md.AppendLine($"{KindOf(vote.Kind)}, eingebracht von {Escape(vote.FiledBy)}:").AppendLine();
        foreach (var line in vote.MotionText.Split('\n'))
            md.Append("> ").AppendLine(EscapeLine(line.Trim()));
        md.AppendLine();
        if (vote.Amendments.Count > 0)
        {
            md.AppendLine("Änderungsanträge:").AppendLine();
            foreach (var amendment in vote.Amendments)
                md.Append("* ").AppendLine(EscapeLine(amendment.ReplaceLineEndings(" ")));
            md.AppendLine();
        }
        var quorum = vote.Quorum;
        var result = vote.Result;
        Field(md, "Abstimmung", vote.Secret
            ? $"geheim (mit Quittungscodes), {Time(vote.OpenedAt)} bis {Time(vote.ClosedAt)}"
            : $"offen, {Time(vote.OpenedAt)} bis {Time(vote.ClosedAt)}");
        Field(md, "Beschlussfähigkeit", $"{quorum.VotingMembers} stimmberechtigte Mitglieder, {quorum.Present} anwesend, "
            + $"{quorum.Represented} vertreten, erforderlich {quorum.Required}");
        Field(md, "Ergebnis", $"Ja {result.Yes}, Nein {result.No}, Enthaltungen {result.Abstain}");
        Field(md, "Erforderliche Mehrheit", $"{MajorityOf(vote.Majority)}; nötig waren {vote.YesNeeded} Ja-Stimmen");
        md.AppendLine().AppendLine($"**Der Antrag ist {Outcome(vote.Passed)}.**").AppendLine();
    }

    static void Signature(StringBuilder md, string role, string name, MinutesApproval? approval) => md.AppendLine(approval is { } by
        ? $"- {role} ({Escape(name)}): gez. {Escape(by.Name)}, genehmigt am {DateAndTime(by.At)}"
        : $"- {role} ({Escape(name)}): Genehmigung ausstehend");

    static void Field(StringBuilder md, string label, string value) => md.AppendLine($"- **{label}:** {value}");

    static string KindOf(DecisionKind kind) => kind switch
    {
        DecisionKind.Resolution => "Beschlussantrag",
        DecisionKind.Election => "Wahl",
        DecisionKind.StatuteChange => "Antrag auf Satzungsänderung",
        DecisionKind.Dissolution => "Antrag auf Auflösung des Vereins",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    static string MajorityOf(Majority majority) => majority switch
    {
        Majority.Simple => "einfache Mehrheit der abgegebenen Stimmen (Enthaltungen zählen nicht)",
        Majority.TwoThirds => "Zwei-Drittel-Mehrheit der abgegebenen Stimmen (Enthaltungen zählen nicht)",
        Majority.ThreeQuarters => "Drei-Viertel-Mehrheit der abgegebenen Stimmen (Enthaltungen zählen nicht)",
        Majority.AbsoluteOfMembers => "absolute Mehrheit aller stimmberechtigten Mitglieder",
        _ => throw new ArgumentOutOfRangeException(nameof(majority), majority, null),
    };

    static string Cell(string text) => Escape(text.ReplaceLineEndings(" "));
}
