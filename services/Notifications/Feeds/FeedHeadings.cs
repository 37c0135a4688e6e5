using Kommune20.Notifications.Notices;
using Kommune20.Notifications.Subscriptions;
using Microsoft.AspNetCore.WebUtilities;

namespace Kommune20.Notifications.Feeds;

/// <summary>
/// A feed's id, German title and portal page from what it follows: a project is titled by the name its updates carry (its key
/// while it has none), a member by its name in the register, the library's filters by what they name.
/// </summary>
public static class FeedHeadings
{
    public static async Task<FeedHeading> OfAsync(FollowTarget target, IReadOnlyList<Notice> entries, MemberStates members, Uri site,
        Uri self, CancellationToken ct)
    {
        switch (target.Kind)
        {
            case FollowKind.Project:
                var project = entries.Select(e => e.ProjectTitle).FirstOrDefault(t => t is { Length: > 0 }) ?? target.ProjectKey;
                return new(AtomFeed.TagOf($"feeds/projects/{target.ProjectKey}"), $"{project} – Neuigkeiten", self,
                    new Uri(site, $"projekte/{Uri.EscapeDataString(target.ProjectKey!)}"));
            case FollowKind.Member:
                var name = await members.NameOfAsync(target.MemberId!.Value, ct);
                return new(AtomFeed.TagOf($"feeds/members/{target.MemberId}"), name is null ? "Neuigkeiten eines Mitglieds" : $"{name} – Neuigkeiten",
                    self, new Uri(site, $"mitglieder/{target.MemberId}"));
            case FollowKind.Topic:
                return new(AtomFeed.TagOf($"feeds/topics/{target.Topic!.ToLowerInvariant()}"), $"Thema „{target.Topic}“ – Neuigkeiten", self,
                    new Uri(site, QueryHelpers.AddQueryString("praxisbeispiele", "thema", target.Topic)));
            case FollowKind.Practices:
                return await PracticesAsync(target, members, site, self, ct);
            default:
                throw new ArgumentOutOfRangeException(nameof(target), target.Kind, "No feed follows this kind.");
        }
    }

    /// <summary>The library under its filters; the id names them in a fixed order, so one filter has one id however it was asked.</summary>
    static async Task<FeedHeading> PracticesAsync(FollowTarget target, MemberStates members, Uri site, Uri self, CancellationToken ct)
    {
        var city = target.MemberId is { } memberId ? await members.NameOfAsync(memberId, ct) : null;
        var filters = new Dictionary<string, string?>
        {
            ["topic"] = target.Topic?.ToLowerInvariant(),
            ["sdgTarget"] = target.SdgTarget,
            ["memberId"] = target.MemberId?.ToString(),
            ["federalState"] = target.FederalState?.ToLowerInvariant(),
        };
        var named = new[] { target.Topic, target.SdgTarget is { } sdg ? $"SDG {sdg}" : null, city, target.FederalState }.OfType<string>().ToList();
        var page = new Dictionary<string, string?> { ["thema"] = target.Topic, ["sdg"] = target.SdgTarget, ["stadt"] = city, ["land"] = target.FederalState };
        return new(QueryHelpers.AddQueryString(AtomFeed.TagOf("feeds/practices"), filters.Where(f => f.Value is not null)),
            named.Count == 0 ? "Praxisbeispiele – Bibliothek guter Praxis" : $"Praxisbeispiele: {string.Join(", ", named)}", self,
            new Uri(site, QueryHelpers.AddQueryString("praxisbeispiele", page.Where(p => p.Value is not null))));
    }
}
