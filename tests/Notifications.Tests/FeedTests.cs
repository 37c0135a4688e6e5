using System.ServiceModel.Syndication;
using System.Xml;
using Kommune20.Notifications.Feeds;
using Kommune20.Notifications.Notices;
using Kommune20.Notifications.Subscriptions;

namespace Kommune20.Notifications.Tests;

/// <summary>
/// A feed from the notices as the recorder leaves them (older versions and withdrawn ones superseded, a withdrawal marked): only
/// public, newest versions, nothing withdrawn; the ETag moves with every change; the Atom names the portal's pages.
/// </summary>
public class FeedTests
{
    static readonly Guid Heilbronn = Guid.Parse("6b0e2f1a-0005-4c20-9a20-000000000005");
    static readonly Uri Site = new("https://kommune20.example/");
    static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    static readonly FollowTarget Reallabor = new() { Kind = FollowKind.Project, ProjectKey = "reallabore-heilbronn" };

    static Notice Update(string updateId, string title, DateTimeOffset at, bool isPublic = true) => new()
    {
        Id = Guid.NewGuid(),
        Type = NoticeTypes.ProjectUpdatePosted,
        Subject = $"projects/reallabore-heilbronn/updates/{updateId}",
        Title = $"Reallabore Heilbronn: {title}",
        Summary = "Zwischenstand aus dem Reallabor.",
        Link = "/projekte/reallabore-heilbronn",
        ProjectKey = "reallabore-heilbronn",
        ProjectTitle = "Reallabore Heilbronn",
        MemberIds = [Heilbronn],
        IsPublic = isPublic,
        OccurredAt = at,
        RecordedAt = at,
    };

    static Notice WithdrawalOf(Notice withdrawn, DateTimeOffset at)
    {
        withdrawn.SupersededAt = at;
        return new Notice
        {
            Id = Guid.NewGuid(),
            Type = NoticeTypes.ProjectUpdateWithdrawn,
            Subject = withdrawn.Subject,
            Title = "Neuigkeit zurückgezogen",
            ProjectKey = withdrawn.ProjectKey,
            MemberIds = withdrawn.MemberIds,
            IsPublic = true,
            IsWithdrawal = true,
            SupersededAt = at,
            OccurredAt = at,
            RecordedAt = at,
        };
    }

    [Fact]
    public void Only_public_newest_versions_are_entries_and_a_withdrawn_update_is_gone()
    {
        var vernissage = Update("vernissage", "Vernissage vorbereitet", Monday);
        var internalNote = Update("intern", "Nur für das Netzwerk", Monday.AddHours(1), isPublic: false);
        var sensors = Update("sensoren", "Sensoren montiert", Monday.AddHours(2));
        var otherProject = Update("fremd", "Anderes Projekt", Monday.AddHours(3));
        otherProject.ProjectKey = "mash-heidelberg";

        var before = FeedSelection.Of(Reallabor, [vernissage, internalNote, sensors, otherProject]);
        Assert.Equal(["Reallabore Heilbronn: Sensoren montiert", "Reallabore Heilbronn: Vernissage vorbereitet"], before.Entries.Select(e => e.Title));

        var withdrawal = WithdrawalOf(sensors, Monday.AddHours(4));
        var after = FeedSelection.Of(Reallabor, [vernissage, internalNote, sensors, otherProject, withdrawal]);
        Assert.Equal([vernissage.Id], after.Entries.Select(e => e.Id));
    }

    [Fact]
    public void A_changed_update_is_one_entry_with_its_newest_version_under_its_subjects_id()
    {
        var first = Update("vernissage", "Vernissage vorbereitet", Monday);
        var second = Update("vernissage", "Vernissage Digital gezeigt", Monday.AddDays(2));
        first.SupersededAt = second.RecordedAt;

        var selection = FeedSelection.Of(Reallabor, [first, second]);
        var feed = Load(selection);

        var entry = Assert.Single(feed.Items);
        Assert.Equal("Reallabore Heilbronn: Vernissage Digital gezeigt", entry.Title.Text);
        Assert.Equal("tag:kommune20.de,2026:projects/reallabore-heilbronn/updates/vernissage", entry.Id);
        Assert.Equal(Monday.AddDays(2), entry.LastUpdatedTime);
        Assert.Equal(Monday.AddDays(2), feed.LastUpdatedTime);
    }

    [Fact]
    public void The_etag_changes_when_a_notice_arrives_or_is_withdrawn_and_stays_while_nothing_happens()
    {
        var vernissage = Update("vernissage", "Vernissage vorbereitet", Monday);
        var empty = FeedSelection.Of(Reallabor, []).ETag;
        var one = FeedSelection.Of(Reallabor, [vernissage]).ETag;
        Assert.Equal(one, FeedSelection.Of(Reallabor, [vernissage]).ETag);

        var sensors = Update("sensoren", "Sensoren montiert", Monday.AddHours(1));
        var two = FeedSelection.Of(Reallabor, [vernissage, sensors]).ETag;
        var withdrawn = FeedSelection.Of(Reallabor, [vernissage, sensors, WithdrawalOf(sensors, Monday.AddHours(2))]).ETag;

        Assert.Equal(4, new[] { empty, one, two, withdrawn }.Distinct().Count());
        Assert.All(new[] { empty, one, two, withdrawn }, tag => Assert.Matches("^\"[0-9a-f]{32}\"$", tag));
    }

    [Fact]
    public void A_feed_holds_the_fifty_newest_entries()
    {
        var updates = Enumerable.Range(0, 60).Select(i => Update($"u{i}", $"Nummer {i}", Monday.AddMinutes(i))).ToList();

        var entries = FeedSelection.Of(Reallabor, updates).Entries;

        Assert.Equal(FeedSelection.MaxEntries, entries.Count);
        Assert.Equal("Reallabore Heilbronn: Nummer 59", entries[0].Title);
        Assert.Equal("Reallabore Heilbronn: Nummer 10", entries[^1].Title);
    }

    [Fact]
    public void The_atom_links_the_portal_names_the_city_and_the_categories_and_falls_back_to_the_association()
    {
        var practice = new Notice
        {
            Id = Guid.NewGuid(),
            Subject = "practices/" + Guid.NewGuid(),
            Title = "Digitallotsen",
            Summary = "Ehrenamtliche helfen Älteren ins Netz.",
            Link = "/praxisbeispiele/42",
            MemberIds = [Heilbronn],
            Topics = ["Digitale Bildung"],
            SdgTargets = ["4.4"],
            IsPublic = true,
            OccurredAt = Monday,
            RecordedAt = Monday,
        };
        var heading = new FeedHeading(AtomFeed.TagOf("feeds/practices"), "Praxisbeispiele – Bibliothek guter Praxis",
            new Uri(Site, "feeds/practices.atom"), new Uri(Site, "praxisbeispiele"));

        var named = Parse(AtomFeed.Write(heading, [practice], new Dictionary<Guid, string> { [Heilbronn] = "Heilbronn" }, Site, Monday));
        var unnamed = Parse(AtomFeed.Write(heading, [practice], new Dictionary<Guid, string>(), Site, Monday));

        Assert.Equal("Praxisbeispiele – Bibliothek guter Praxis", named.Title.Text);
        Assert.Equal("https://kommune20.example/feeds/practices.atom", named.Links.Single(l => l.RelationshipType == "self").Uri.AbsoluteUri);
        Assert.Equal("Kommune 2.0 e. V.", Assert.Single(named.Authors).Name);
        var entry = Assert.Single(named.Items);
        Assert.Equal("https://kommune20.example/praxisbeispiele/42", Assert.Single(entry.Links).Uri.AbsoluteUri);
        Assert.Equal("Ehrenamtliche helfen Älteren ins Netz.", entry.Summary.Text);
        Assert.Equal("Heilbronn", Assert.Single(entry.Authors).Name);
        Assert.Equal(["Digitale Bildung", "4.4"], entry.Categories.Select(c => c.Name));
        Assert.Equal("SDG 4.4", entry.Categories[1].Label);
        Assert.Equal("Kommune 2.0 e. V.", Assert.Single(Assert.Single(unnamed.Items).Authors).Name);
    }

    static SyndicationFeed Load(FeedSelection selection)
    {
        var heading = new FeedHeading(AtomFeed.TagOf("feeds/projects/reallabore-heilbronn"), "Reallabore Heilbronn – Neuigkeiten",
            new Uri(Site, "feeds/projects/reallabore-heilbronn.atom"), new Uri(Site, "projekte/reallabore-heilbronn"));
        return Parse(AtomFeed.Write(heading, selection.Entries, new Dictionary<Guid, string>(), Site, selection.ChangedAt));
    }

    static SyndicationFeed Parse(byte[] atom)
    {
        using var reader = XmlReader.Create(new MemoryStream(atom));
        var formatter = new Atom10FeedFormatter();
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }
}
