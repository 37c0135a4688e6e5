namespace Kommune20.Contracts.Federation;

/// <summary>Who may see a city's record: everyone, or signed-in members of the network only.</summary>
public enum Visibility
{
    Public,
    Network,
}
