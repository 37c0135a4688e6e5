namespace Kommune20.Federation.Replicas;

/// <summary>What a city publishes through its node.</summary>
public enum RecordKind
{
    Practice,
    CityProfile,
    ProjectUpdate,
}
