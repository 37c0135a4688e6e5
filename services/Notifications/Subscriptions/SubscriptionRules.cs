using Kommune20.Contracts.Federation;

namespace Kommune20.Notifications.Subscriptions;

/// <summary>Reads what a subscription follows and on which channel; every wrong field gets a German message under its name.</summary>
public static class SubscriptionRules
{
    public const int MaxTextLength = 200;

    public static (FollowTarget? Target, Channel? Channel) Read(SubscriptionInput input, IDictionary<string, string[]> errors)
    {
        var target = ReadTarget(input, errors);
        Channel? channel = input.Channel?.Trim().ToLowerInvariant() switch
        {
            "webhook" => Subscriptions.Channel.Webhook,
            "email" => Subscriptions.Channel.Email,
            _ => null,
        };
        if (channel is null)
            errors["channel"] = ["Der Kanal ist „webhook“ oder „email“."];
        return (target, channel);
    }

    /// <summary>The frequency of an e-mail digest: <c>daily</c> or <c>weekly</c>.</summary>
    public static DigestFrequency? ReadFrequency(string? frequency, IDictionary<string, string[]> errors)
    {
        switch (frequency?.Trim().ToLowerInvariant())
        {
            case "daily":
                return DigestFrequency.Daily;
            case "weekly":
                return DigestFrequency.Weekly;
            default:
                errors["frequency"] = ["Die Häufigkeit ist „daily“ (täglich) oder „weekly“ (wöchentlich)."];
                return null;
        }
    }

    /// <summary>What is followed, also what a feed shows (<c>follows</c> names the kind); null when the kind is unknown.</summary>
    public static FollowTarget? ReadTarget(SubscriptionInput input, IDictionary<string, string[]> errors)
    {
        var target = new FollowTarget
        {
            ProjectKey = Text(input.ProjectKey, "projectKey", errors),
            MemberId = input.MemberId,
            Topic = Text(input.Topic, "topic", errors),
            SdgTarget = Text(input.SdgTarget, "sdgTarget", errors) is { } given ? SdgTargets.Canonical(given) : null,
            FederalState = Text(input.FederalState, "federalState", errors),
        };
        if (target.SdgTarget is { } sdg && !SdgTargets.Exists(sdg))
            errors["sdgTarget"] = [$"„{sdg}“ ist kein Unterziel der Agenda 2030 (z. B. „11.3“)."];
        switch (input.Follows?.Trim().ToLowerInvariant())
        {
            case "project":
                target.Kind = FollowKind.Project;
                Require(target.ProjectKey, "projectKey", "Welchem Projekt folgen Sie? Der Projektschlüssel fehlt.", errors);
                break;
            case "member":
                target.Kind = FollowKind.Member;
                Require(target.MemberId?.ToString(), "memberId", "Welchem Mitglied folgen Sie? Die Mitglieds-ID fehlt.", errors);
                break;
            case "topic":
                target.Kind = FollowKind.Topic;
                Require(target.Topic, "topic", "Welchem Thema folgen Sie? Das Thema fehlt.", errors);
                break;
            case "sdgtarget":
                target.Kind = FollowKind.SdgTarget;
                Require(target.SdgTarget, "sdgTarget", "Welchem Nachhaltigkeitsziel folgen Sie? Das Unterziel fehlt.", errors);
                break;
            case "calendar":
                target.Kind = FollowKind.Calendar;
                break;
            case "practices":
                target.Kind = FollowKind.Practices;
                break;
            default:
                errors["follows"] = ["Gefolgt wird „project“, „member“, „topic“, „sdgTarget“, „calendar“ oder „practices“."];
                return null;
        }
        return target;
    }

    static string? Text(string? value, string field, IDictionary<string, string[]> errors)
    {
        var text = value?.Trim();
        if (text is { Length: > MaxTextLength })
            errors[field] = [$"Höchstens {MaxTextLength} Zeichen."];
        return string.IsNullOrEmpty(text) ? null : text;
    }

    static void Require(string? value, string field, string message, IDictionary<string, string[]> errors)
    {
        if (value is null && !errors.ContainsKey(field))
            errors[field] = [message];
    }
}
