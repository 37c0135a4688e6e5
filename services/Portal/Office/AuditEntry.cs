namespace Kommune20.Portal.Office;

/// <summary>One act of the office as a service logged it; before and after are the service's JSON.</summary>
public sealed record AuditEntry(long Sequence, DateTimeOffset At, string Actor, string? ActorName, string Action, string Subject, string? Before, string? After)
{
    static readonly Dictionary<string, string> Actions = new()
    {
        ["member.created"] = "Mitglied aufgenommen",
        ["member.changed"] = "Mitglied geändert",
        ["network-membership.set"] = "Mitgliedschaft in einem Netzwerk gesetzt",
        ["network-membership.removed"] = "Mitgliedschaft in einem Netzwerk beendet",
        ["person.created"] = "Person angelegt",
        ["person.changed"] = "Person geändert",
        ["person.changed-with-password"] = "Person geändert, Passwort neu gesetzt",
        ["person.lockout-lifted"] = "Sperre einer Person aufgehoben",
        ["client.created"] = "Client angelegt",
        ["client.lockout-lifted"] = "Sperre eines Clients aufgehoben",
        ["practices.bulk-loaded"] = "Praxisbeispiele gesammelt geladen",
        ["assembly.created"] = "Versammlung angelegt",
        ["assembly.changed"] = "Versammlung geändert",
        ["assembly.agenda-item-added"] = "Tagesordnungspunkt hinzugefügt",
        ["assembly.invited"] = "Zur Versammlung eingeladen",
        ["delegate.checked-in"] = "Delegierte Person angemeldet",
        ["delegate.checked-out"] = "Delegierte Person abgemeldet",
        ["vote.opened"] = "Abstimmung eröffnet",
        ["vote.closed"] = "Abstimmung geschlossen",
        ["minutes.generated"] = "Protokoll erstellt",
        ["minutes.approved-as-chair"] = "Protokoll genehmigt (Versammlungsleitung)",
        ["minutes.approved-as-minute-taker"] = "Protokoll genehmigt (Protokollführung)",
        ["exchange-session.created"] = "Erfahrungsaustausch angelegt",
        ["exchange-session.changed"] = "Erfahrungsaustausch geändert",
        ["exchange-session.moderator-named"] = "Moderation benannt",
        ["exchange-session.panelist-named"] = "Person auf das Podium benannt",
        ["exchange-session.panelist-changed"] = "Podiumsplatz geändert",
        ["exchange-session.panelist-reminded"] = "Person auf dem Podium erinnert",
        ["exchange-session.question-added"] = "Leitfrage hinzugefügt",
        ["exchange-session.question-opened"] = "Leitfrage geöffnet",
        ["exchange-session.audience-question-answered"] = "Publikumsfrage als beantwortet markiert",
        ["exchange-session.takeaway-recorded"] = "Ergebnis festgehalten",
        ["exchange-session.results-published"] = "Ergebnisse veröffentlicht",
    };

    /// <summary>The act in German; an act this portal does not know yet keeps its code.</summary>
    public string ActionLabel => Actions.GetValueOrDefault(Action, Action);
}
