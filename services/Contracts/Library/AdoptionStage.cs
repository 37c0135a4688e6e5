namespace Kommune20.Contracts.Library;

/// <summary>How far a member has come with another member's practice: taken over as it is, or being adapted to its own situation.</summary>
public enum AdoptionStage
{
    Adopted,
    Adapting,
}
