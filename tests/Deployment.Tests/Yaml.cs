using YamlDotNet.RepresentationModel;

namespace Kommune20.Deployment.Tests;

/// <summary>Reading YAML documents as node trees, with merge keys (<c>&lt;&lt;: *anchor</c>) resolved on lookup.</summary>
public static class Yaml
{
    public static IReadOnlyList<YamlNode> LoadAll(string relativePath)
    {
        using var reader = new StringReader(Repo.Read(relativePath));
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents
            .Select(document => document.RootNode)
            .Where(node => node is not YamlScalarNode { Value: null or "" })
            .ToList();
    }

    public static YamlNode Load(string relativePath) => Assert.Single(LoadAll(relativePath));

    /// <summary>The entries of a mapping, merged ones first and overridden by the mapping's own keys.</summary>
    public static IReadOnlyDictionary<string, YamlNode> Entries(this YamlNode? node)
    {
        var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (node is not YamlMappingNode mapping)
            return entries;

        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: "<<" })
            {
                var sources = value is YamlSequenceNode sequence ? sequence.Children : [value];
                foreach (var source in sources)
                    foreach (var (mergedKey, mergedValue) in source.Entries())
                        entries.TryAdd(mergedKey, mergedValue);
            }
        }
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && name != "<<")
                entries[name] = value;
        }
        return entries;
    }

    public static YamlNode? Get(this YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is null || !node.Entries().TryGetValue(key, out node))
                return null;
        }
        return node;
    }

    public static string? Text(this YamlNode? node, params string[] path) => (node.Get(path) as YamlScalarNode)?.Value;

    public static IReadOnlyList<YamlNode> Items(this YamlNode? node) =>
        node is YamlSequenceNode sequence ? sequence.Children.ToList() : [];

    public static IReadOnlyList<string> Strings(this YamlNode? node) =>
        node.Items().OfType<YamlScalarNode>().Select(item => item.Value ?? "").ToList();
}
