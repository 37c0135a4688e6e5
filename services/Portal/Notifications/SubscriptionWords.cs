using Kommune20.WebUi;

namespace Kommune20.Portal.Notifications;

/// <summary>Subscriptions and their deliveries in German: what is followed, the channel, its state, a delivery's status and event.</summary>
public static class SubscriptionWords
{
    /// <summary>"Projekt „Reallabore Digitale Stadt Heilbronn“", "Neue Praxisbeispiele: Thema „Bildung“, aus Heidelberg".</summary>
    public static string Followed(Following target, FollowedNames names) => target.Follows switch
    {
        Following.ProjectKind => $"Projekt „{names.Project(target.ProjectKey ?? "")}“",
        Following.MemberKind => $"Mitglied {(target.MemberId is { } id ? names.Member(id) : "–")}",
        Following.TopicKind => $"Thema „{target.Topic}“",
        Following.SdgTargetKind => $"Nachhaltigkeitsziel (SDG-Unterziel) {target.SdgTarget}",
        Following.CalendarKind => "Kalender des Netzwerks",
        Following.PracticesKind => Practices(target, names),
        _ => target.Follows,
    };

    public static string Channel(string channel) => channel switch
    {
        Subscription.WebhookChannel => "Webhook",
        Subscription.EmailChannel => "E-Mail",
        _ => channel,
    };

    public static string Frequency(string? frequency) => frequency switch
    {
        "daily" => "täglich",
        "weekly" => "wöchentlich",
        _ => frequency ?? "–",
    };

    /// <summary>Whether anything reaches the subscriber yet: a webhook's endpoint passed its check, an e-mail address was confirmed.</summary>
    public static string State(Subscription subscription) => (subscription.IsWebhook, subscription.VerifiedAt, subscription.ConfirmedAt) switch
    {
        (true, { } verified, _) => $"bestätigt am {German.DateTime(verified)}",
        (true, null, _) => "noch nicht bestätigt",
        (false, _, { } confirmed) => $"bestätigt am {German.DateTime(confirmed)}",
        (false, _, null) => "wartet auf Bestätigung",
    };

    public static string DeliveryStatus(string status) => status switch
    {
        "pending" => "ausstehend",
        "delivered" => "zugestellt",
        "retrying" => "wird wiederholt",
        "failed" => "aufgegeben",
        _ => status,
    };

    /// <summary>The CloudEvent type of a delivery (<c>de.kommune20.project.update.posted</c>) in words.</summary>
    public static string Event(string type) => type switch
    {
        "de.kommune20.project.update.posted" => "Neuigkeit in einem Projekt",
        "de.kommune20.project.update.withdrawn" => "Neuigkeit zurückgezogen",
        "de.kommune20.practice.published" => "Praxisbeispiel veröffentlicht",
        "de.kommune20.practice.updated" => "Praxisbeispiel geändert",
        "de.kommune20.practice.withdrawn" => "Praxisbeispiel zurückgezogen",
        "de.kommune20.calendar.event.scheduled" => "Termin angekündigt",
        "de.kommune20.calendar.event.withdrawn" => "Termin abgesagt",
        _ => type,
    };

    static string Practices(Following target, FollowedNames names)
    {
        var parts = new[]
        {
            target.Topic is { } topic ? $"Thema „{topic}“" : null,
            target.SdgTarget is { } sdg ? $"SDG {sdg}" : null,
            target.MemberId is { } city ? $"aus {names.Member(city)}" : null,
            target.FederalState is { } state ? $"in {state}" : null,
        }.OfType<string>().ToList();
        return parts.Count == 0 ? "Alle neuen Praxisbeispiele" : "Neue Praxisbeispiele: " + string.Join(", ", parts);
    }
}
