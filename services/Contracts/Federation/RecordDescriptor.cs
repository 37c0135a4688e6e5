using System.Text.Json;

namespace Kommune20.Contracts.Federation;

/// <summary>
/// Everything the city node, the hub and the library need to know about one kind of federated record: its contract type,
/// its case in proto/federation.proto, its canonical form, its rules and its integration events. The node normalises
/// once before it stores a record; the hub and the library's bulk load apply the very same <see cref="Normalize(object)"/>
/// (a no-op on a canonical record) and the same <see cref="Validate(object)"/>, so a record reads the same everywhere.
/// </summary>
public abstract class RecordDescriptor
{
    public abstract RecordKind Kind { get; }

    public abstract Type RecordType { get; }

    /// <summary>The kind's value of <c>RecordKindCode</c> in proto/federation.proto (tombstones, rejections).</summary>
    public abstract int KindCode { get; }

    /// <summary>The field number of the record in the <c>oneof record</c> of a <c>Change</c> in proto/federation.proto.</summary>
    public abstract int ChangeField { get; }

    /// <summary>The kind as APIs name it ("practice", "city-profile", "project-update", "city-event").</summary>
    public string Name => JsonNamingPolicy.KebabCaseLower.ConvertName(Kind.ToString());

    /// <summary>The canonical form: text trimmed, blanks of optional text null, lists present and without repeats, SDG targets as "16.a".</summary>
    public abstract object Normalize(object record);

    /// <summary>The record's errors by JSON field path (<see cref="RecordRules"/>); empty when it is well-formed.</summary>
    public abstract Dictionary<string, string[]> Validate(object record);

    /// <summary>What lists show and sort by; null for a kind without a title.</summary>
    public abstract string? TitleOf(object record);

    public abstract Visibility VisibilityOf(object record);

    /// <param name="wasLive">Whether the record was published (not withdrawn) before this version.</param>
    public abstract void AnnouncePublished(IRecordEvents events, RecordOrigin origin, object record, bool wasLive);

    public abstract void AnnounceWithdrawn(IRecordEvents events, RecordOrigin origin);

    /// <summary>Trimmed text; null stays null, so that validation names the missing field.</summary>
    protected static string Trim(string? text) => text?.Trim()!;

    /// <summary>Optional text: trimmed, or null when blank.</summary>
    protected static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A list of words: present, each trimmed, each once (blank ones stay for validation to name).</summary>
    protected static List<string> Words(IReadOnlyList<string>? words) => (words ?? []).Select(Trim).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Each item of a list through <paramref name="normalize"/>; a missing item stays missing, for validation to name.</summary>
    protected static List<T> Each<T>(IReadOnlyList<T>? items, Func<T, T> normalize) where T : class =>
        (items ?? []).Select(item => item is null ? item! : normalize(item)).ToList();
}

/// <summary>A descriptor for records of type <typeparamref name="T"/>; the untyped members cast and forward.</summary>
public abstract class RecordDescriptor<T> : RecordDescriptor where T : class
{
    public sealed override Type RecordType => typeof(T);

    public abstract T Normalize(T record);

    public abstract Dictionary<string, string[]> Validate(T record);

    public abstract string? TitleOf(T record);

    public abstract Visibility VisibilityOf(T record);

    public abstract void AnnouncePublished(IRecordEvents events, RecordOrigin origin, T record, bool wasLive);

    public sealed override object Normalize(object record) => Normalize((T)record);

    public sealed override Dictionary<string, string[]> Validate(object record) => Validate((T)record);

    public sealed override string? TitleOf(object record) => TitleOf((T)record);

    public sealed override Visibility VisibilityOf(object record) => VisibilityOf((T)record);

    public sealed override void AnnouncePublished(IRecordEvents events, RecordOrigin origin, object record, bool wasLive) =>
        AnnouncePublished(events, origin, (T)record, wasLive);
}
