namespace Kommune20.CityNode.Records;

/// <summary>What the city publishes through its node.</summary>
public enum RecordKind
{
    Practice,
    CityProfile,
    ProjectUpdate,
}
