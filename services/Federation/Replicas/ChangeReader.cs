using System.Globalization;
using Kommune20.Contracts.Federation;
using Kommune20.Federation.Grpc;
using ContractVisibility = Kommune20.Contracts.Federation.Visibility;
using MessageVisibility = Kommune20.Federation.Grpc.Visibility;

namespace Kommune20.Federation.Replicas;

/// <summary>
/// Reads a pushed change into the hub's terms and checks it with the shared <see cref="RecordRules"/>: a malformed
/// change yields an INVALID_ARGUMENT rejection naming the field, never an exception.
/// </summary>
public static class ChangeReader
{
    public static (IncomingChange? Change, Rejection? Rejection) Read(Change change)
    {
        var kind = FromMessage(MessageKindOf(change));
        Rejection Invalid(string field, string reason) => new()
        {
            Version = change.Version,
            OriginId = change.OriginId,
            Kind = MessageKindOf(change),
            Code = RejectionCode.InvalidArgument,
            Field = field,
            Reason = reason,
        };

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
            return (new IncomingChange(kind.Value, change.OriginId, change.Version, changedAt, null), null);

        if (VisibilityOf(change) is not { } visibility)
            return (null, Invalid("visibility", "Die Sichtbarkeit fehlt (public oder network)."));

        (object Record, Dictionary<string, string[]> Errors) read = change.RecordCase switch
        {
            Change.RecordOneofCase.Practice => Checked(ToRecord(change.Practice, visibility), RecordRules.Validate),
            Change.RecordOneofCase.CityProfile => Checked(ToRecord(change.CityProfile, visibility), RecordRules.Validate),
            _ => ReadProjectUpdate(change.ProjectUpdate, visibility),
        };
        if (read.Errors.Count > 0)
        {
            var reason = string.Join(" ", read.Errors.Select(error => $"{error.Key}: {string.Join(" ", error.Value)}"));
            return (null, Invalid(read.Errors.Keys.First(), reason));
        }
        return (new IncomingChange(kind.Value, change.OriginId, change.Version, changedAt, read.Record), null);
    }

    /// <summary>The kind a change is about, as the message names it (a tombstone names it itself).</summary>
    public static Grpc.RecordKind MessageKindOf(Change change) => change.RecordCase switch
    {
        Change.RecordOneofCase.Practice => Grpc.RecordKind.Practice,
        Change.RecordOneofCase.CityProfile => Grpc.RecordKind.CityProfile,
        Change.RecordOneofCase.ProjectUpdate => Grpc.RecordKind.ProjectUpdate,
        Change.RecordOneofCase.Tombstone => change.Tombstone.Kind,
        _ => Grpc.RecordKind.Unspecified,
    };

    public static RecordKind? FromMessage(Grpc.RecordKind kind) => kind switch
    {
        Grpc.RecordKind.Practice => RecordKind.Practice,
        Grpc.RecordKind.CityProfile => RecordKind.CityProfile,
        Grpc.RecordKind.ProjectUpdate => RecordKind.ProjectUpdate,
        _ => null,
    };

    static ContractVisibility? VisibilityOf(Change change)
    {
        var visibility = change.RecordCase switch
        {
            Change.RecordOneofCase.Practice => change.Practice.Visibility,
            Change.RecordOneofCase.CityProfile => change.CityProfile.Visibility,
            _ => change.ProjectUpdate.Visibility,
        };
        return visibility switch
        {
            MessageVisibility.Public => ContractVisibility.Public,
            MessageVisibility.Network => ContractVisibility.Network,
            _ => null,
        };
    }

    static (object, Dictionary<string, string[]>) Checked<T>(T record, Func<T, Dictionary<string, string[]>> validate) where T : notnull =>
        (record, validate(record));

    static (object, Dictionary<string, string[]>) ReadProjectUpdate(ProjectUpdate message, ContractVisibility visibility)
    {
        DateOnly? happenedOn = null;
        if (message.HappenedOn.Length > 0)
        {
            if (!DateOnly.TryParseExact(message.HappenedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return (message, new Dictionary<string, string[]> { ["happenedOn"] = ["Das Datum hat die Form JJJJ-MM-TT."] });
            happenedOn = day;
        }
        return Checked(new ProjectUpdateRecord(message.ProjectKey, message.Title, message.Text, happenedOn, visibility), RecordRules.Validate);
    }

    static PracticeRecord ToRecord(Practice message, ContractVisibility visibility) => new(
        message.Title,
        OrNull(message.Summary),
        message.Goal,
        message.HasStartYear ? message.StartYear : null,
        message.HasEndYear ? message.EndYear : null,
        message.Description,
        [.. message.Topics],
        [.. message.SdgTargets.Select(target => target.Trim())],
        [.. message.Beneficiaries],
        [.. message.Contacts.Select(contact => new PracticeContact(contact.Role, contact.Organisation, OrNull(contact.Name), OrNull(contact.Email)))],
        OrNull(message.FundingProgramme),
        [.. message.Links.Select(link => new PracticeLink(link.Title, link.Url))],
        visibility);

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
