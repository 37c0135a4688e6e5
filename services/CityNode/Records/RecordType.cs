using Kommune20.Contracts.Federation;

namespace Kommune20.CityNode.Records;

/// <summary>
/// One kind of list record the editor manages (practices, project updates): its descriptor, and its API's path below the
/// records' root (<c>/api/node/</c>, or <c>/api/node/members/{memberId}/</c> on a network node).
/// </summary>
public sealed record RecordType<T>(RecordDescriptor<T> Descriptor, string Path, string Tag) where T : class
{
    public RecordKind Kind => Descriptor.Kind;
}
