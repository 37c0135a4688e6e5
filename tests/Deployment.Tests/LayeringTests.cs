using System.Xml.Linq;

namespace Kommune20.Deployment.Tests;

/// <summary>
/// The gateway and the portal serve pages and forward requests; they keep no database and take no events. Database
/// access (services/Data) and messaging (services/Messaging) stay out of what they reference, directly or through a project.
/// </summary>
public class LayeringTests
{
    static readonly string[] ForbiddenPrefixes = ["MassTransit", "Npgsql", "Kommune20.Data", "Kommune20.Messaging"];

    [Theory]
    [InlineData("gateway/Kommune20.Gateway.csproj")]
    [InlineData("services/Portal/Kommune20.Portal.csproj")]
    [InlineData("services/WebUi/Kommune20.WebUi.csproj")]
    public void Project_references_neither_a_database_nor_a_broker(string project)
    {
        var offending = References(project)
            .Where(reference => reference.Contains("EntityFrameworkCore", StringComparison.Ordinal)
                || ForbiddenPrefixes.Any(prefix => reference.StartsWith(prefix, StringComparison.Ordinal)))
            .ToList();
        Assert.True(offending.Count == 0, $"{project} references {string.Join(", ", offending)}.");
    }

    [Fact]
    public void The_walk_sees_through_project_references()
    {
        Assert.Contains("MassTransit.RabbitMQ", References("services/Library/Kommune20.Library.csproj"));
    }

    /// <summary>The packages and project names a project depends on, following its project references.</summary>
    static HashSet<string> References(string project)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Repo.PathOf(project)]);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var path))
        {
            if (!visited.Add(Path.GetFullPath(path)))
                continue;
            var document = XDocument.Load(path);
            foreach (var package in document.Descendants("PackageReference"))
                found.Add((string)package.Attribute("Include")!);
            foreach (var reference in document.Descendants("ProjectReference"))
            {
                var referenced = Path.Combine(Path.GetDirectoryName(path)!, ((string)reference.Attribute("Include")!).Replace('\\', '/'));
                found.Add(Path.GetFileNameWithoutExtension(referenced));
                pending.Push(referenced);
            }
        }
        return found;
    }
}
