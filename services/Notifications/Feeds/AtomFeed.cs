using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Kommune20.Notifications.Notices;

namespace Kommune20.Notifications.Feeds;

/// <summary>What a feed is: its id (a tag URI), German title, address and the portal page it mirrors.</summary>
public sealed record FeedHeading(string Id, string Title, Uri Self, Uri Page);

/// <summary>
/// Notices as an Atom 1.0 feed (RFC 4287, written by System.ServiceModel.Syndication). An entry's id is a tag URI of the
/// notice's subject, so a reader sees a changed update as the same entry with a newer <c>updated</c>; its link is the portal's
/// page, its author the member that posted it, its categories the topics and SDG targets.
/// </summary>
public static class AtomFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";
    public const string Association = "Kommune 2.0 e. V.";

    /// <summary>Tag URIs (RFC 4151) under the association's domain: ids that do not change with the address a hub is reached at.</summary>
    const string TagPrefix = "tag:kommune20.de,2026:";
    const string SdgScheme = "https://sdgs.un.org/goals";

    /// <summary>A tag URI of <paramref name="path"/>, each segment escaped.</summary>
    public static string TagOf(string path) => TagPrefix + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <param name="authors">The names of the members who posted the entries, by id; one missing is the association.</param>
    /// <param name="updated">When the feed last changed; an empty feed that never had an entry gives none.</param>
    public static byte[] Write(FeedHeading heading, IReadOnlyList<Notice> entries, IReadOnlyDictionary<Guid, string> authors, Uri site,
        DateTimeOffset? updated)
    {
        var feed = new SyndicationFeed(heading.Title, null, heading.Page)
        {
            Id = heading.Id,
            Language = "de",
            LastUpdatedTime = entries.Select(e => e.OccurredAt).Append(updated ?? DateTimeOffset.UnixEpoch).Max(),
            Items = entries.Select(e => EntryOf(e, authors, site)).ToList(),
        };
        feed.Authors.Add(new SyndicationPerson(null, Association, null));
        feed.Links.Add(SyndicationLink.CreateSelfLink(heading.Self, "application/atom+xml"));
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
            new Atom10FeedFormatter(feed).WriteTo(writer);
        return stream.ToArray();
    }

    static SyndicationItem EntryOf(Notice notice, IReadOnlyDictionary<Guid, string> authors, Uri site)
    {
        var entry = new SyndicationItem
        {
            Id = TagOf(notice.Subject),
            Title = new TextSyndicationContent(notice.Title),
            LastUpdatedTime = notice.OccurredAt,
        };
        if (notice.Summary.Length > 0)
            entry.Summary = new TextSyndicationContent(notice.Summary);
        entry.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(site, notice.Link), "text/html"));
        var author = notice.MemberIds.Select(id => authors.GetValueOrDefault(id)).FirstOrDefault(name => name is not null) ?? Association;
        entry.Authors.Add(new SyndicationPerson(null, author, null));
        foreach (var topic in notice.Topics)
            entry.Categories.Add(new SyndicationCategory(topic));
        foreach (var target in notice.SdgTargets)
            entry.Categories.Add(new SyndicationCategory(target, SdgScheme, $"SDG {target}"));
        return entry;
    }
}
