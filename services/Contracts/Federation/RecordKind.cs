namespace Kommune20.Contracts.Federation;

/// <summary>
/// What a city publishes through its node. The node and the hub store it by name; everything else about a kind is in its
/// <see cref="RecordDescriptor"/> (<see cref="RecordDescriptors"/>).
/// </summary>
public enum RecordKind
{
    Practice,
    CityProfile,
    ProjectUpdate,
    CityEvent,
}
