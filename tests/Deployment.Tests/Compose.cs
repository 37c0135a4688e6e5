using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Kommune20.Deployment.Tests;

/// <summary>docker-compose.yml, read once.</summary>
public static class Compose
{
    public const string File = "docker-compose.yml";

    static readonly Lazy<YamlNode> Document = new(() => Yaml.Load(File));

    public static YamlNode Root => Document.Value;

    public static IReadOnlyDictionary<string, YamlNode> Services => Root.Get("services").Entries();

    public static string? Project(YamlNode service) => service.Text("build", "args", "PROJECT");

    /// <summary>A service's environment, whether written as a mapping or as a list of KEY=VALUE.</summary>
    public static IReadOnlyDictionary<string, string> Environment(YamlNode service)
    {
        var environment = service.Get("environment");
        if (environment is YamlSequenceNode)
        {
            return environment.Strings()
                .Select(item => item.Split('=', 2))
                .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "");
        }
        return environment.Entries().ToDictionary(entry => entry.Key, entry => (entry.Value as YamlScalarNode)?.Value ?? "");
    }

    /// <summary>Published (host) and container ports of a service's short-syntax <c>ports</c>.</summary>
    public static IReadOnlyList<(int Published, int Target)> Ports(YamlNode service) =>
        service.Get("ports").Strings()
            .Select(port => port.Split('/')[0].Split(':'))
            .Where(parts => parts.Length >= 2)
            .Select(parts => (int.Parse(parts[^2]), int.Parse(parts[^1])))
            .ToList();

    /// <summary>
    /// Replaces ${NAME:-default} with its default, as compose does when NAME is unset, and a required ${NAME:?message}
    /// with "NAME", as if it were set to its own name.
    /// </summary>
    public static string WithDefaults(string value) =>
        Regex.Replace(value, @"\$\{([A-Z0-9_]+)(?::-([^}]*)|:\?[^}]*)\}",
            match => match.Groups[2].Success ? match.Groups[2].Value : match.Groups[1].Value);

    /// <summary>Every ${NAME:-default} in the file: the variable and its default.</summary>
    public static IEnumerable<(string Variable, string Default)> Defaults() =>
        Regex.Matches(Repo.Read(File), @"\$\{([A-Z0-9_]+):?-([^}]*)\}").Select(match => (match.Groups[1].Value, match.Groups[2].Value));
}
