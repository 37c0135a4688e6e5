namespace Kommune20.CityNode.Records;

/// <summary>A draft stays in the node; a published record is federated; a withdrawn one leaves the hub (tombstone).</summary>
public enum RecordStatus
{
    Draft,
    Published,
    Withdrawn,
}
