using Kommune20.WebUi;

namespace Kommune20.Portal.Meetings;

/// <summary>The assemblies in the association's words: status, kinds of motion, majorities, ballots and results.</summary>
public static class AssemblyWords
{
    public static string Status(AssemblySummary assembly, DateTimeOffset now) => assembly switch
    {
        { MinutesFinal: true } => "durchgeführt, Protokoll genehmigt",
        { InvitedAt: null } => "Entwurf (noch nicht eingeladen)",
        _ when now >= assembly.EndsAt => "durchgeführt",
        _ when now >= assembly.StartsAt => "läuft",
        _ => "eingeladen",
    };

    /// <summary>Upcoming until it ends; after that it is past.</summary>
    public static bool IsUpcoming(AssemblySummary assembly, DateTimeOffset now) => assembly.EndsAt > now;

    /// <summary>"Freiburg im Breisgau", "online", or both.</summary>
    public static string Where(AssemblySummary assembly) => Where(assembly.Place, assembly.OnlineUrl);

    /// <summary>Where a meeting of the network takes place (an assembly, an exchange session).</summary>
    public static string Where(string? place, string? onlineUrl) => (place, onlineUrl) switch
    {
        ({ } at, { }) => $"{at} und online",
        ({ } at, null) => at,
        _ => "online",
    };

    /// <summary>"6. Mai 2027, 10:00 bis 16:30 Uhr".</summary>
    public static string When(AssemblySummary assembly) => When(assembly.StartsAt, assembly.EndsAt);

    /// <summary>When a meeting of the network takes place (an assembly, an exchange session), in German time.</summary>
    public static string When(DateTimeOffset startsAt, DateTimeOffset endsAt) => German.Date(startsAt) == German.Date(endsAt)
        ? $"{German.Date(startsAt)}, {German.Local(startsAt):HH:mm} bis {German.Time(endsAt)}"
        : $"{German.DateTime(startsAt)} bis {German.DateTime(endsAt)}";

    public static string KindLabel(DecisionKind kind) => kind switch
    {
        DecisionKind.Election => "Wahl",
        DecisionKind.StatuteChange => "Satzungsänderung",
        DecisionKind.Dissolution => "Auflösung des Vereins",
        _ => "Beschluss",
    };

    public static string MajorityLabel(Majority majority) => majority switch
    {
        Majority.TwoThirds => "Zwei-Drittel-Mehrheit der abgegebenen Stimmen",
        Majority.ThreeQuarters => "Drei-Viertel-Mehrheit der abgegebenen Stimmen",
        Majority.AbsoluteOfMembers => "Mehrheit aller stimmberechtigten Mitglieder",
        _ => "einfache Mehrheit",
    };

    public static string ChoiceLabel(Choice choice) => choice switch
    {
        Choice.Yes => "Ja",
        Choice.No => "Nein",
        _ => "Enthaltung",
    };

    /// <summary>"angenommen", "abgelehnt", or "läuft" while the vote is open.</summary>
    public static string Outcome(Vote vote) => vote.Passed switch
    {
        true => "angenommen",
        false => "abgelehnt",
        null => "läuft",
    };

    /// <summary>"Ja 4, Nein 1, Enthaltungen 0" once closed.</summary>
    public static string Counts(Vote vote) => vote.IsOpen ? "–" : $"Ja {vote.Yes}, Nein {vote.No}, Enthaltungen {vote.Abstain}";

    public static string Ballot(Vote vote) => vote.Secret ? "geheim" : "offen";
}
