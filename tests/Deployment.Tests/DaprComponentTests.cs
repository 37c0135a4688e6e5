using YamlDotNet.RepresentationModel;

namespace Kommune20.Deployment.Tests;

public class DaprComponentTests
{
    const string Folder = "deploy/dapr/components";

    static readonly HashSet<string> KnownTypes =
    [
        "secretstores.local.file", "secretstores.local.env", "secretstores.kubernetes",
        "pubsub.rabbitmq", "bindings.cron", "bindings.http", "state.sqlite", "state.postgresql",
    ];

    public static TheoryData<string> ComponentFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Repo.PathOf(Folder), "*.yaml").Order(StringComparer.Ordinal))
            data.Add(Repo.Relative(file));
        return data;
    }

    /// <summary>The components under deploy/dapr/components plus those in the Kubernetes city-node example.</summary>
    static IReadOnlyList<YamlNode> AllComponents() =>
        Directory.EnumerateFiles(Repo.PathOf(Folder), "*.yaml")
            .Concat(Directory.EnumerateFiles(Repo.PathOf("deploy/k8s"), "*.yaml"))
            .SelectMany(file => Yaml.LoadAll(Repo.Relative(file)))
            .Where(document => document.Text("apiVersion")?.StartsWith("dapr.io/", StringComparison.Ordinal) == true || document.Text("kind") == "Component")
            .ToList();

    [Theory]
    [MemberData(nameof(ComponentFiles))]
    public void Component_file_declares_a_known_component(string file)
    {
        foreach (var component in Yaml.LoadAll(file))
            AssertKnownComponent(file, component);
    }

    [Fact]
    public void Components_in_kubernetes_manifests_are_known_too()
    {
        foreach (var component in AllComponents())
            AssertKnownComponent(component.Text("metadata", "name") ?? "?", component);
    }

    [Fact]
    public void City_node_has_a_secret_store_and_a_rabbitmq_city_inbox()
    {
        var components = Directory.EnumerateFiles(Repo.PathOf(Folder), "*.yaml")
            .SelectMany(file => Yaml.LoadAll(Repo.Relative(file)))
            .ToDictionary(component => component.Text("metadata", "name")!, component => component);

        Assert.StartsWith("secretstores.", components["secretstore"].Text("spec", "type"));
        var inbox = components["city-inbox"];
        Assert.Equal("pubsub.rabbitmq", inbox.Text("spec", "type"));
        Assert.Equal("secretstore", inbox.Text("auth", "secretStore"));

        // The city broker's address comes from the secret store, never a literal (and never the hub's broker).
        var connection = inbox.Get("spec", "metadata").Items().Single(item => item.Text("name") == "connectionString");
        Assert.Null(connection.Text("value"));
        Assert.NotNull(connection.Text("secretKeyRef", "name"));
    }

    static void AssertKnownComponent(string source, YamlNode component)
    {
        Assert.True(component.Text("apiVersion") == "dapr.io/v1alpha1", $"{source}: apiVersion must be dapr.io/v1alpha1");
        Assert.True(component.Text("kind") == "Component", $"{source}: kind must be Component");
        Assert.False(string.IsNullOrEmpty(component.Text("metadata", "name")), $"{source}: metadata.name is missing");
        var type = component.Text("spec", "type");
        Assert.True(type is not null && KnownTypes.Contains(type), $"{source}: unknown component type {type}");
        Assert.Equal("v1", component.Text("spec", "version"));
    }
}
