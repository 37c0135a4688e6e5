using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Kommune20.Contracts.Federation;
using Kommune20.Federation.Grpc;
using ContractVisibility = Kommune20.Contracts.Federation.Visibility;
using MessageVisibility = Kommune20.Federation.Grpc.Visibility;

namespace Kommune20.Federation.Replicas;

/// <summary>
/// Reads a pushed change into the hub's terms. The record goes through its kind's descriptor: the very same
/// normalisation the node applied before it stored the record (a no-op for a current node; an older node's "16.A"
/// becomes "16.a"), then the shared rules. A malformed change yields an INVALID_ARGUMENT rejection naming the field,
/// never an exception.
/// </summary>
public static class ChangeReader
{
    /// <summary>The hub's answer that it will not apply <paramref name="change"/>, naming the change, why, and the field at fault.</summary>
    public static Rejection Reject(Change change, RejectionCode code, string reason, string field = "") => new()
    {
        Version = change.Version,
        OriginId = change.OriginId,
        Kind = CodeOf(change),
        Code = code,
        Field = field,
        Reason = reason,
    };

    public static (IncomingChange? Change, Rejection? Rejection) Read(Change change)
    {
        var kind = KindOf(change);
        Rejection Invalid(string field, string reason) => Reject(change, RejectionCode.InvalidArgument, reason, field);

        if (RecordRules.OriginIdProblem(change.OriginId) is { } idProblem)
            return (null, Invalid("originId", idProblem));
        if (change.Version <= 0)
            return (null, Invalid("version", "Die Version muss größer als 0 sein."));
        if (change.ChangedAt is null)
            return (null, Invalid("changedAt", "Der Zeitpunkt der Änderung fehlt."));
        if (kind is null)
            return (null, Invalid(change.RecordCase == Change.RecordOneofCase.Tombstone ? "tombstone.kind" : "record", "Die Art des Datensatzes fehlt."));

        var changedAt = change.ChangedAt.ToDateTimeOffset();
        if (change.RecordCase == Change.RecordOneofCase.Tombstone)
            return (new IncomingChange(kind.Kind, change.OriginId, change.Version, changedAt, null), null);

        if (VisibilityOf(change) is not { } visibility)
            return (null, Invalid("visibility", "Die Sichtbarkeit fehlt (public oder network)."));

        (object record, Dictionary<string, string[]> errors) = change.RecordCase switch
        {
            Change.RecordOneofCase.Practice => (ToRecord(change.Practice, visibility), []),
            Change.RecordOneofCase.CityProfile => (ToRecord(change.CityProfile, visibility), []),
            Change.RecordOneofCase.CityEvent => ReadCityEvent(change.CityEvent, visibility),
            _ => ReadProjectUpdate(change.ProjectUpdate, visibility),
        };
        if (errors.Count == 0)
        {
            record = kind.Normalize(record);
            errors = kind.Validate(record);
        }
        if (errors.Count > 0)
        {
            var reason = string.Join(" ", errors.Select(error => $"{error.Key}: {string.Join(" ", error.Value)}"));
            return (null, Invalid(errors.Keys.First(), reason));
        }
        return (new IncomingChange(kind.Kind, change.OriginId, change.Version, changedAt, record), null);
    }

    /// <summary>The kind a change is about: its record's case, or what its tombstone names; null when it names none.</summary>
    public static RecordDescriptor? KindOf(Change change) => change.RecordCase == Change.RecordOneofCase.Tombstone
        ? RecordDescriptors.OfKindCode((int)change.Tombstone.Kind)
        : RecordDescriptors.OfChangeField((int)change.RecordCase);

    /// <summary>The kind's code as a rejection reports it (a tombstone's as it came).</summary>
    public static RecordKindCode CodeOf(Change change) => change.RecordCase == Change.RecordOneofCase.Tombstone
        ? change.Tombstone.Kind
        : (RecordKindCode)(KindOf(change)?.KindCode ?? 0);

    static ContractVisibility? VisibilityOf(Change change)
    {
        var visibility = change.RecordCase switch
        {
            Change.RecordOneofCase.Practice => change.Practice.Visibility,
            Change.RecordOneofCase.CityProfile => change.CityProfile.Visibility,
            Change.RecordOneofCase.CityEvent => change.CityEvent.Visibility,
            _ => change.ProjectUpdate.Visibility,
        };
        return visibility switch
        {
            MessageVisibility.Public => ContractVisibility.Public,
            MessageVisibility.Network => ContractVisibility.Network,
            _ => null,
        };
    }

    /// <summary>A project update, unless its date is not one (the only field whose wire form can be malformed).</summary>
    static (object, Dictionary<string, string[]>) ReadProjectUpdate(ProjectUpdate message, ContractVisibility visibility)
    {
        DateOnly? happenedOn = null;
        if (message.HappenedOn.Length > 0)
        {
            if (!DateOnly.TryParseExact(message.HappenedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return (message, new Dictionary<string, string[]> { ["happenedOn"] = ["Das Datum hat die Form JJJJ-MM-TT."] });
            happenedOn = day;
        }
        return (new ProjectUpdateRecord(message.ProjectKey, message.Title, message.Text, happenedOn, visibility), []);
    }

    /// <summary>A city event, unless a time is missing or beyond what a timestamp can hold.</summary>
    static (object, Dictionary<string, string[]>) ReadCityEvent(CityEvent message, ContractVisibility visibility)
    {
        var errors = new Dictionary<string, string[]>();
        var startsAt = Moment(message.StartsAt, "startsAt", "Der Beginn fehlt.", errors);
        var endsAt = Moment(message.EndsAt, "endsAt", "Das Ende fehlt.", errors);
        if (errors.Count > 0)
            return (message, errors);
        return (new CityEventRecord(message.Title, OrNull(message.Description), startsAt, endsAt, OrNull(message.Place),
            OrNull(message.OnlineUrl), OrNull(message.Link), message.Cancelled, visibility), []);
    }

    static DateTimeOffset Moment(Timestamp? timestamp, string field, string missing, Dictionary<string, string[]> errors)
    {
        // Timestamp's own range: 0001-01-01 to 9999-12-31, nanoseconds below a second; ToDateTimeOffset throws outside it.
        const long first = -62_135_596_800, last = 253_402_300_799;
        if (timestamp is null)
            errors[field] = [missing];
        else if (timestamp.Seconds is < first or > last || timestamp.Nanos is < 0 or > 999_999_999)
            errors[field] = ["Der Zeitpunkt liegt außerhalb des gültigen Bereichs."];
        else
            return timestamp.ToDateTimeOffset();
        return default;
    }

    static PracticeRecord ToRecord(Practice message, ContractVisibility visibility) => new(
        message.Title,
        OrNull(message.Summary),
        message.Goal,
        message.HasStartYear ? message.StartYear : null,
        message.HasEndYear ? message.EndYear : null,
        message.Description,
        [.. message.Topics],
        [.. message.SdgTargets],
        [.. message.Beneficiaries],
        [.. message.Contacts.Select(contact => new PracticeContact(contact.Role, contact.Organisation, OrNull(contact.Name), OrNull(contact.Email)))],
        OrNull(message.FundingProgramme),
        [.. message.Links.Select(link => new PracticeLink(link.Title, link.Url))],
        visibility,
        OrNull(message.SourceProjectKey));

    static CityProfileRecord ToRecord(CityProfile message, ContractVisibility visibility) => new(
        message.Organisation,
        [.. message.Milestones.Select(milestone => new CityMilestone(milestone.When, milestone.What))],
        OrNull(message.Motivation),
        OrNull(message.Stakeholders),
        [.. message.Networks],
        [.. message.CompetitionsAndFunding],
        visibility);

    static string? OrNull(string value) => value.Length == 0 ? null : value;
}
