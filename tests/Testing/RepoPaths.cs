namespace Kommune20.Testing;

/// <summary>Finds the repository and the built services, so tests start the same binaries that <c>./kommune20 up</c> starts.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests run in (Debug or Release), read off the test's own output folder.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string Dll(string projectFolder, string assemblyName)
    {
        var path = Path.Combine(Root, projectFolder, "bin", Configuration, "net10.0", assemblyName + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{assemblyName} is not built ({path}). Run ./kommune20 test, which builds the solution first.");
    }

    static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Kommune20.sln")))
                return directory.FullName;
        }
        throw new DirectoryNotFoundException("Kommune20.sln not found above " + AppContext.BaseDirectory);
    }
}
