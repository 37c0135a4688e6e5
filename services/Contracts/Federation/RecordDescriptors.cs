namespace Kommune20.Contracts.Federation;

/// <summary>The descriptor of every federated record kind; adding a kind starts here (docs/ARCHITECTURE.md).</summary>
public static class RecordDescriptors
{
    public static PracticeDescriptor Practice { get; } = new();
    public static CityProfileDescriptor CityProfile { get; } = new();
    public static ProjectUpdateDescriptor ProjectUpdate { get; } = new();
    public static CityEventDescriptor CityEvent { get; } = new();

    public static IReadOnlyList<RecordDescriptor> All { get; } = [Practice, CityProfile, ProjectUpdate, CityEvent];

    public static RecordDescriptor Of(RecordKind kind) =>
        All.FirstOrDefault(descriptor => descriptor.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "No descriptor for this kind.");

    /// <summary>The kind a <c>RecordKindCode</c> of proto/federation.proto names; null for an unspecified or unknown one.</summary>
    public static RecordDescriptor? OfKindCode(int code) => All.FirstOrDefault(descriptor => descriptor.KindCode == code);

    /// <summary>The kind whose record a <c>Change</c> carries in this field of its <c>oneof record</c>; null for none.</summary>
    public static RecordDescriptor? OfChangeField(int field) => All.FirstOrDefault(descriptor => descriptor.ChangeField == field);
}
