namespace Kommune20.Deployment.Tests;

/// <summary>The repository these tests read: found by walking up from the test binaries to Kommune20.sln.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => System.IO.Path.Combine(Root, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>deploy/topology.json, which compose, Kubernetes and the gateway's clusters are checked against.</summary>
    public static Topology Topology { get; } = Topology.Read(Root);

    /// <summary>Every ASP.NET Core project (Sdk.Web) under services/ and gateway/, as repo-relative paths with '/'.</summary>
    public static IReadOnlyList<string> WebProjects { get; } = FindWebProjects();

    public static TheoryData<string> WebProjectData()
    {
        var data = new TheoryData<string>();
        foreach (var project in WebProjects)
            data.Add(project);
        return data;
    }

    /// <summary>The image name a project gets: kommune20/&lt;its folder, lower case&gt;.</summary>
    public static string ImageName(string project) =>
        "kommune20/" + System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(project))!.ToLowerInvariant();

    public static string Relative(string path) =>
        System.IO.Path.GetRelativePath(Root, path).Replace(System.IO.Path.DirectorySeparatorChar, '/');

    static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Kommune20.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"No Kommune20.sln above {AppContext.BaseDirectory}.");
    }

    static List<string> FindWebProjects()
    {
        var folders = new[] { PathOf("services"), PathOf("gateway") }.Where(Directory.Exists);
        return folders
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories))
            .Where(file => !Relative(file).Split('/').Any(part => part is "bin" or "obj"))
            .Where(file => File.ReadAllText(file).Contains("Sdk=\"Microsoft.NET.Sdk.Web\"", StringComparison.Ordinal))
            .Select(Relative)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
