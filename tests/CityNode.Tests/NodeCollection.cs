namespace Kommune20.CityNode.Tests;

/// <summary>One node for all tests: starting one takes a moment, and each test uses record ids of its own.</summary>
[CollectionDefinition(Name)]
public sealed class NodeCollection : ICollectionFixture<CityNodeFactory>
{
    public const string Name = "node";
}
