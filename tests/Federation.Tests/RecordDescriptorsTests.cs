using System.Text.Json;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using Kommune20.Contracts.Federation;
using Kommune20.Federation.Grpc;
using Kommune20.Federation.Replicas;
using Kommune20.ServiceDefaults;
using Visibility = Kommune20.Contracts.Federation.Visibility;

namespace Kommune20.Federation.Tests;

public sealed class RecordDescriptorsTests
{
    static readonly PracticeRecord TypedByAnEditor = Samples.Digitallotsen with
    {
        Title = "  Digitallotsinnen und Digitallotsen ",
        Summary = " ",
        SdgTargets = ["16.A", " 16.6 ", "16.a"],
        Topics = [" Verwaltung", "Verwaltung "],
        Contacts = [new PracticeContact(" Projektbeteiligte ", "Stadt Heidelberg", "", " ")],
    };

    /// <summary>A "Digitalität@Heidelberg" talk as typed on the node: padded text, a blank description, Berlin's offset.</summary>
    static readonly CityEventRecord TalkTypedByAnEditor = new(" Digitalität@Heidelberg ", " ",
        new DateTimeOffset(2027, 3, 11, 18, 0, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2027, 3, 11, 20, 0, 0, TimeSpan.FromHours(1)),
        " Heidelberg ", "", "https://www.heidelberg.de", Cancelled: false, Visibility.Public);

    [Fact]
    public void Every_kind_has_one_descriptor_with_its_own_case_in_the_proto()
    {
        Assert.Equal(Enum.GetValues<RecordKind>(), RecordDescriptors.All.Select(descriptor => descriptor.Kind));
        foreach (var descriptor in RecordDescriptors.All)
        {
            Assert.Same(descriptor, RecordDescriptors.Of(descriptor.Kind));
            Assert.Same(descriptor, RecordDescriptors.OfKindCode(descriptor.KindCode));
            Assert.Same(descriptor, RecordDescriptors.OfChangeField(descriptor.ChangeField));
            Assert.True(Enum.IsDefined((RecordKindCode)descriptor.KindCode), $"{descriptor.Name}: no RecordKindCode {descriptor.KindCode}");
            Assert.True(Enum.IsDefined((Change.RecordOneofCase)descriptor.ChangeField), $"{descriptor.Name}: no Change case {descriptor.ChangeField}");
            Assert.NotEqual(Change.RecordOneofCase.Tombstone, (Change.RecordOneofCase)descriptor.ChangeField);
        }
        Assert.Null(RecordDescriptors.OfKindCode((int)RecordKindCode.Unspecified));
        Assert.Equal(["practice", "city-profile", "project-update", "city-event"], RecordDescriptors.All.Select(descriptor => descriptor.Name));
    }

    [Fact]
    public void A_practice_is_made_canonical_SDG_targets_with_a_lower_case_letter_and_each_once()
    {
        var practice = RecordDescriptors.Practice.Normalize(TypedByAnEditor);

        Assert.Equal(["16.a", "16.6"], practice.SdgTargets);
        Assert.Equal("Digitallotsinnen und Digitallotsen", practice.Title);
        Assert.Null(practice.Summary);
        Assert.Equal(["Verwaltung"], practice.Topics);
        Assert.Equal(new PracticeContact("Projektbeteiligte", "Stadt Heidelberg", null, null), practice.Contacts.Single());
        Assert.Empty(RecordDescriptors.Practice.Validate(practice));
    }

    [Fact]
    public void Normalising_a_canonical_record_changes_nothing()
    {
        foreach (var (descriptor, record) in new (RecordDescriptor, object)[]
                 {
                     (RecordDescriptors.Practice, TypedByAnEditor),
                     (RecordDescriptors.CityProfile, new CityProfileRecord(" Stadt Heidelberg ", [new CityMilestone(" 2019 ", " Digitallotsen ")], "", null, ["Kommune 2.0", "Kommune 2.0 "], [], Visibility.Public)),
                     (RecordDescriptors.ProjectUpdate, new ProjectUpdateRecord(" reallabore-heilbronn", " Vernissage Digital ", " Zwischenergebnisse ", null, Visibility.Network)),
                     (RecordDescriptors.CityEvent, TalkTypedByAnEditor),
                 })
        {
            var canonical = descriptor.Normalize(record);
            Assert.Equal(AsJson(canonical), AsJson(descriptor.Normalize(canonical)));
        }
    }

    [Fact]
    public void A_city_event_is_kept_in_UTC_with_blank_optional_text_as_null()
    {
        var talk = RecordDescriptors.CityEvent.Normalize(TalkTypedByAnEditor);

        Assert.Equal("Digitalität@Heidelberg", talk.Title);
        Assert.Equal(new DateTimeOffset(2027, 3, 11, 17, 0, 0, TimeSpan.Zero), talk.StartsAt);
        Assert.Equal(TimeSpan.Zero, talk.StartsAt.Offset);
        Assert.Equal(TimeSpan.Zero, talk.EndsAt.Offset);
        Assert.Null(talk.Description);
        Assert.Null(talk.OnlineUrl);
        Assert.Equal("Heidelberg", talk.Place);
        Assert.Empty(RecordDescriptors.CityEvent.Validate(talk));
    }

    [Fact]
    public void The_hub_reads_a_pushed_city_event_as_the_node_sent_it()
    {
        var talk = RecordDescriptors.CityEvent.Normalize(TalkTypedByAnEditor);
        var (change, rejection) = ChangeReader.Read(TalkChange());

        Assert.Null(rejection);
        Assert.Equal(RecordKind.CityEvent, change!.Kind);
        Assert.Equal(AsJson(talk), AsJson(change.Record!));
    }

    [Fact]
    public void A_pushed_city_event_without_a_start_is_rejected_naming_the_field()
    {
        var message = TalkChange();
        message.CityEvent.StartsAt = null;

        var (change, rejection) = ChangeReader.Read(message);

        Assert.Null(change);
        Assert.Equal("startsAt", rejection!.Field);
        Assert.Equal(RecordKindCode.CityEvent, rejection.Kind);
    }

    [Fact]
    public void Missing_lists_and_items_stay_for_the_rules_to_name()
    {
        var practice = RecordDescriptors.Practice.Normalize(Samples.Digitallotsen with { Topics = null!, SdgTargets = [null!], Contacts = [null!] });

        Assert.Empty(practice.Topics);
        Assert.Equal(["contacts[0]", "sdgTargets[0]"], RecordDescriptors.Practice.Validate(practice).Keys.Order());
    }

    [Fact]
    public void The_hub_reads_a_pushed_16_A_in_the_nodes_canonical_form()
    {
        var (change, rejection) = ChangeReader.Read(Samples.PracticeChange("digitallotsen", 1, practice =>
        {
            practice.SdgTargets.Clear();
            practice.SdgTargets.Add(" 16.A ");
        }));

        Assert.Null(rejection);
        var practice = Assert.IsType<PracticeRecord>(change!.Record);
        Assert.Equal(["16.a"], practice.SdgTargets);
        Assert.Equal(AsJson(RecordDescriptors.Practice.Normalize(practice)), AsJson(practice));
    }

    [Fact]
    public void Each_kind_announces_its_own_events()
    {
        var origin = Origin();
        var events = new Recorded();
        RecordDescriptors.Practice.AnnouncePublished(events, origin, Samples.Digitallotsen, wasLive: false);
        RecordDescriptors.Practice.AnnouncePublished(events, origin, Samples.Digitallotsen, wasLive: true);
        RecordDescriptors.CityProfile.AnnouncePublished(events, origin, new CityProfileRecord("Stadt Heidelberg", [], null, null, [], [], Visibility.Public), wasLive: false);
        RecordDescriptors.ProjectUpdate.AnnouncePublished(events, origin, new ProjectUpdateRecord("reallabore", "Vernissage", "Text", null, Visibility.Public), wasLive: false);
        RecordDescriptors.CityEvent.AnnouncePublished(events, origin, TalkTypedByAnEditor, wasLive: false);
        RecordDescriptors.CityEvent.AnnouncePublished(events, origin, TalkTypedByAnEditor, wasLive: true);
        foreach (var descriptor in RecordDescriptors.All)
            descriptor.AnnounceWithdrawn(events, origin);

        Assert.Equal(
            [typeof(PracticePublished), typeof(PracticeUpdated), typeof(CityProfileUpdated), typeof(ProjectUpdatePosted),
             typeof(CityEventPublished), typeof(CityEventUpdated),
             typeof(PracticeWithdrawn), typeof(CityProfileWithdrawn), typeof(ProjectUpdateWithdrawn), typeof(CityEventWithdrawn)],
            events.Types);
    }

    /// <summary>The talk as Heidelberg's node pushes it (Kommune20.Federation.Client.RecordMessages on the node's side).</summary>
    static Change TalkChange() => new()
    {
        OriginId = "digitalitaet-2027-03",
        Version = 1,
        ChangedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch),
        CityEvent = new CityEvent
        {
            Title = "Digitalität@Heidelberg",
            StartsAt = Timestamp.FromDateTimeOffset(TalkTypedByAnEditor.StartsAt),
            EndsAt = Timestamp.FromDateTimeOffset(TalkTypedByAnEditor.EndsAt),
            Place = "Heidelberg",
            Link = "https://www.heidelberg.de",
            Visibility = Grpc.Visibility.Public,
        },
    };

    static RecordOrigin Origin() => new(Samples.Heidelberg, "digitallotsen", 1, DateTimeOffset.UnixEpoch);

    static string AsJson(object record) => JsonSerializer.Serialize(record, record.GetType(), Json.Options);

    /// <summary>The events in the order announced, by the type each was staged as.</summary>
    sealed class Recorded : IRecordEvents
    {
        public List<Type> Types { get; } = [];

        public void Add<TEvent>(TEvent integrationEvent) where TEvent : class => Types.Add(typeof(TEvent));
    }
}
