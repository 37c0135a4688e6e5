using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Kommune20.Contracts.Federation;
using Kommune20.Federation.Grpc;
using ContractVisibility = Kommune20.Contracts.Federation.Visibility;
using MessageVisibility = Kommune20.Federation.Grpc.Visibility;

namespace Kommune20.Federation.Client;

/// <summary>
/// Turns a node's records (the shapes in Kommune20.Contracts.Federation) into the changes it pushes: the record's case
/// of the change, or for a withdrawal a tombstone with the kind's code from its descriptor.
/// </summary>
public static class RecordMessages
{
    public static Change Published(string originId, long version, DateTimeOffset changedAt, object record) =>
        NewChange(originId, version, changedAt, change =>
        {
            switch (record)
            {
                case PracticeRecord practice:
                    change.Practice = ToMessage(practice);
                    break;
                case CityProfileRecord profile:
                    change.CityProfile = ToMessage(profile);
                    break;
                case ProjectUpdateRecord update:
                    change.ProjectUpdate = ToMessage(update);
                    break;
                case CityEventRecord cityEvent:
                    change.CityEvent = ToMessage(cityEvent);
                    break;
                default:
                    throw new ArgumentException($"Not a federated record: {record.GetType().Name}", nameof(record));
            }
        });

    public static Change Withdrawn(string originId, long version, DateTimeOffset changedAt, RecordKind kind) =>
        NewChange(originId, version, changedAt, change => change.Tombstone = new Tombstone { Kind = (RecordKindCode)RecordDescriptors.Of(kind).KindCode });

    public static Practice ToMessage(PracticeRecord practice)
    {
        var message = new Practice
        {
            Title = practice.Title ?? "",
            Summary = practice.Summary ?? "",
            Goal = practice.Goal ?? "",
            Description = practice.Description ?? "",
            FundingProgramme = practice.FundingProgramme ?? "",
            Visibility = ToMessage(practice.Visibility),
            SourceProjectKey = practice.SourceProjectKey ?? "",
        };
        if (practice.StartYear is { } start)
            message.StartYear = start;
        if (practice.EndYear is { } end)
            message.EndYear = end;
        message.Topics.AddRange(practice.Topics ?? []);
        message.SdgTargets.AddRange(practice.SdgTargets ?? []);
        message.Beneficiaries.AddRange(practice.Beneficiaries ?? []);
        message.Contacts.AddRange((practice.Contacts ?? []).Select(contact => new Contact
        {
            Role = contact.Role ?? "",
            Organisation = contact.Organisation ?? "",
            Name = contact.Name ?? "",
            Email = contact.Email ?? "",
        }));
        message.Links.AddRange((practice.Links ?? []).Select(link => new Link { Title = link.Title ?? "", Url = link.Url ?? "" }));
        return message;
    }

    public static CityProfile ToMessage(CityProfileRecord profile)
    {
        var message = new CityProfile
        {
            Organisation = profile.Organisation ?? "",
            Motivation = profile.Motivation ?? "",
            Stakeholders = profile.Stakeholders ?? "",
            Visibility = ToMessage(profile.Visibility),
        };
        message.Milestones.AddRange((profile.Milestones ?? []).Select(m => new Milestone { When = m.When ?? "", What = m.What ?? "" }));
        message.Networks.AddRange(profile.Networks ?? []);
        message.CompetitionsAndFunding.AddRange(profile.CompetitionsAndFunding ?? []);
        return message;
    }

    public static ProjectUpdate ToMessage(ProjectUpdateRecord update) => new()
    {
        ProjectKey = update.ProjectKey ?? "",
        Title = update.Title ?? "",
        Text = update.Text ?? "",
        HappenedOn = update.HappenedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        Visibility = ToMessage(update.Visibility),
    };

    public static CityEvent ToMessage(CityEventRecord cityEvent) => new()
    {
        Title = cityEvent.Title ?? "",
        Description = cityEvent.Description ?? "",
        // An unset time stays unset on the wire, for the hub to name the field.
        StartsAt = cityEvent.StartsAt == default ? null : Timestamp.FromDateTimeOffset(cityEvent.StartsAt),
        EndsAt = cityEvent.EndsAt == default ? null : Timestamp.FromDateTimeOffset(cityEvent.EndsAt),
        Place = cityEvent.Place ?? "",
        OnlineUrl = cityEvent.OnlineUrl ?? "",
        Link = cityEvent.Link ?? "",
        Cancelled = cityEvent.Cancelled,
        Visibility = ToMessage(cityEvent.Visibility),
    };

    static MessageVisibility ToMessage(ContractVisibility visibility) => visibility switch
    {
        ContractVisibility.Public => MessageVisibility.Public,
        ContractVisibility.Network => MessageVisibility.Network,
        _ => MessageVisibility.Unspecified,
    };

    static Change NewChange(string originId, long version, DateTimeOffset changedAt, Action<Change> setRecord)
    {
        var change = new Change { OriginId = originId, Version = version, ChangedAt = Timestamp.FromDateTimeOffset(changedAt) };
        setRecord(change);
        return change;
    }
}
