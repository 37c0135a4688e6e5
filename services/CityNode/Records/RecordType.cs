namespace Kommune20.CityNode.Records;

/// <summary>One kind of list record the editor manages (practices, project updates): its route, its rules.</summary>
public sealed record RecordType<T>(RecordKind Kind, string Route, string Tag, Func<T, T> Normalize, Func<T, Dictionary<string, string[]>> Validate)
    where T : class;
