using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Kommune20.EndToEnd.Tests.Notifications;

/// <summary>
/// Checks a document against the rules of RFC 4287 that a lenient reader lets pass, then loads it as Atom 1.0 with
/// System.ServiceModel.Syndication: root <c>feed</c> in the Atom namespace; the feed has exactly one id, title and updated, a
/// self link, and an author unless every entry has one; each entry exactly one id, title and updated, and an alternate link
/// when it has no content; ids are absolute IRIs, dates RFC 3339 date-times; no two alternate links of one type.
/// </summary>
public static partial class AtomRules
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static SyndicationFeed Validate(string xml)
    {
        var feed = XDocument.Parse(xml).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        RequireCore(feed, "feed");
        var self = Assert.Single(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        Assert.True(IsIri((string?)self.Attribute("href")), "the self link is an absolute IRI");
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.True(feed.Elements(Atom + "author").Any() || entries.All(e => e.Elements(Atom + "author").Any()),
            "a feed without an author needs one in every entry");
        foreach (var author in feed.Elements(Atom + "author").Concat(entries.SelectMany(e => e.Elements(Atom + "author"))))
            Assert.False(string.IsNullOrWhiteSpace(Assert.Single(author.Elements(Atom + "name")).Value), "a person has a name");
        foreach (var entry in entries)
        {
            RequireCore(entry, "entry");
            if (!entry.Elements(Atom + "content").Any())
                Assert.Contains(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") is null or "alternate");
        }

        using var reader = XmlReader.Create(new StringReader(xml));
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader), "Atom10FeedFormatter reads it as Atom 1.0");
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    /// <summary>Exactly one id (an absolute IRI), title and updated (RFC 3339); links with an href; alternates unique per type.</summary>
    static void RequireCore(XElement element, string what)
    {
        var id = Assert.Single(element.Elements(Atom + "id")).Value;
        Assert.True(IsIri(id), $"the {what}'s id \"{id}\" is an absolute IRI");
        var title = Assert.Single(element.Elements(Atom + "title"));
        Assert.Contains((string?)title.Attribute("type") ?? "text", new[] { "text", "html", "xhtml" });
        RequireDate(Assert.Single(element.Elements(Atom + "updated")).Value, what);
        foreach (var published in element.Elements(Atom + "published"))
            RequireDate(published.Value, what);
        var links = element.Elements(Atom + "link").ToList();
        Assert.All(links, l => Assert.True(Uri.TryCreate((string?)l.Attribute("href"), UriKind.RelativeOrAbsolute, out _)
            && !((string)l.Attribute("href")!).Any(char.IsWhiteSpace), $"every link of the {what} has an IRI reference"));
        var alternates = links.Where(l => (string?)l.Attribute("rel") is null or "alternate")
            .Select(l => ((string?)l.Attribute("type"), (string?)l.Attribute("hreflang"))).ToList();
        Assert.Equal(alternates.Count, alternates.Distinct().Count());
    }

    /// <summary>An absolute IRI: a scheme, and no white space (which an IRI never holds unescaped).</summary>
    static bool IsIri(string? value) => Uri.TryCreate(value, UriKind.Absolute, out _) && !value.Any(char.IsWhiteSpace);

    static void RequireDate(string value, string what)
    {
        Assert.Matches(Rfc3339(), value);
        Assert.True(DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _), $"the {what}'s date {value} exists");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
