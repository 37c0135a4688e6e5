using Kommune20.Notifications.Subscriptions;

namespace Kommune20.Notifications.Digests;

/// <summary>What a subscription follows and how often, in German words for the e-mails and the portal's pages.</summary>
public static class FollowWords
{
    public static string Describe(FollowTarget follows) => follows.Kind switch
    {
        FollowKind.Project => $"das Projekt „{follows.ProjectKey}“",
        FollowKind.Member => $"das Mitglied {follows.MemberId}",
        FollowKind.Topic => $"das Thema „{follows.Topic}“",
        FollowKind.SdgTarget => $"das Nachhaltigkeitsziel {follows.SdgTarget}",
        FollowKind.Calendar => "den Terminkalender des Netzwerks",
        FollowKind.Practices => "die Praxisbeispiele der Bibliothek" + PracticeFilter(follows),
        _ => "das Netzwerk",
    };

    public static string Frequency(DigestFrequency? frequency) => frequency == DigestFrequency.Daily ? "täglich" : "wöchentlich";

    static string PracticeFilter(FollowTarget follows)
    {
        var parts = new List<string>();
        if (follows.Topic is { } topic)
            parts.Add($"zum Thema „{topic}“");
        if (follows.SdgTarget is { } sdg)
            parts.Add($"zum Unterziel {sdg}");
        if (follows.MemberId is { } member)
            parts.Add($"des Mitglieds {member}");
        if (follows.FederalState is { } state)
            parts.Add($"aus {state}");
        return parts.Count == 0 ? "" : " " + string.Join(", ", parts);
    }
}
