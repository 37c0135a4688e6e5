using Kommune20.Notifications.Notices;
using Kommune20.Notifications.Subscriptions;
using Kommune20.ServiceDefaults;
using Microsoft.Net.Http.Headers;

namespace Kommune20.Notifications.Feeds;

/// <summary>Reads what a feed follows, answers 304 to a reader who has its version, and writes it otherwise.</summary>
public sealed class FeedRequests(NoticeFeeds feeds, MemberStates members, IConfiguration configuration)
{
    readonly Uri site = new(configuration["Identity:Issuer"] ?? "http://localhost:8080/");

    public async Task<IResult> AnswerAsync(SubscriptionInput follows, HttpContext context, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var target = SubscriptionRules.ReadTarget(follows, errors);
        if (target is null || errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var selection = await feeds.SelectAsync(target, ct);
        // Answered before the entries' texts are read: a reader polling an unchanged feed costs one query.
        if (PolledDocuments.ReaderHas(context, new EntityTagHeaderValue(selection.ETag)))
            return PolledDocuments.NotModified();
        var entries = await feeds.EntriesAsync(selection, ct);
        var authors = new Dictionary<Guid, string>();
        foreach (var member in entries.SelectMany(e => e.MemberIds.Take(1)).Distinct())
            if (await members.NameOfAsync(member, ct) is { } name)
                authors[member] = name;
        var self = new Uri(site, context.Request.Path.ToUriComponent().TrimStart('/') + context.Request.QueryString.ToUriComponent());
        var heading = await FeedHeadings.OfAsync(target, entries, members, site, self, ct);
        return FeedResponse.Of(AtomFeed.Write(heading, entries, authors, site, selection.ChangedAt));
    }
}
