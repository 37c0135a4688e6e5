using Kommune20.Contracts.Federation;

namespace Kommune20.CityNode.Records;

/// <summary>One kind of list record the editor manages (practices, project updates): its descriptor, where its API lives.</summary>
public sealed record RecordType<T>(RecordDescriptor<T> Descriptor, string Route, string Tag) where T : class
{
    public RecordKind Kind => Descriptor.Kind;
}
