using System.Text.RegularExpressions;

namespace Kommune20.Deployment.Tests;

public partial class ScriptTests
{
    [Theory]
    [InlineData("kommune20")]
    [InlineData(".ci/run")]
    public void Script_is_executable_bash(string script)
    {
        var path = Repo.PathOf(script);

        Assert.True(File.Exists(path), $"{script} is missing");
        Assert.StartsWith("#!/usr/bin/env bash", File.ReadAllText(path));
        if (!OperatingSystem.IsWindows())
            Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute), $"{script} is not executable");
    }

    [Fact]
    public void Ci_runs_the_launchers_test_command()
    {
        var ci = Repo.Read(".ci/run");

        Assert.Matches(@"(?m)^\s*(exec\s+)?\./kommune20 test\b", ci);
    }

    [Fact]
    public void Launcher_uses_strict_mode()
    {
        Assert.Contains("set -euo pipefail", Repo.Read("kommune20"));
    }

    /// <summary>Each line of the launcher's SERVICES table names the assembly of an existing project.</summary>
    [Fact]
    public void Launcher_table_names_existing_projects()
    {
        var assemblies = LauncherAssemblies();

        Assert.Contains("services/Registry/$BIN/Kommune20.Registry.dll", assemblies);
        Assert.Contains("gateway/$BIN/Kommune20.Gateway.dll", assemblies);
        foreach (var assembly in assemblies)
        {
            var folder = assembly[..assembly.IndexOf("/$BIN/", StringComparison.Ordinal)];
            var project = $"{folder}/{Path.GetFileNameWithoutExtension(assembly)}.csproj";
            Assert.True(File.Exists(Repo.PathOf(project)), $"the launcher starts {assembly}, but {project} does not exist");
        }
    }

    /// <summary>`./kommune20 up` starts every service: a new web project needs its line in the launcher's table.</summary>
    [Theory]
    [MemberData(nameof(Repo.WebProjectData), MemberType = typeof(Repo))]
    public void Launcher_starts_every_web_project(string project)
    {
        var folder = project[..project.LastIndexOf('/')];
        var assembly = $"{folder}/$BIN/{Path.GetFileNameWithoutExtension(project)}.dll";

        Assert.True(LauncherAssemblies().Contains(assembly), $"./kommune20 up does not start {project}: add a line for {assembly} to SERVICES in ./kommune20");
    }

    static IReadOnlyList<string> LauncherAssemblies() =>
        ServiceLine().Matches(Repo.Read("kommune20")).Select(match => match.Groups["assembly"].Value).ToList();

    [GeneratedRegex(@"^\s*""(?<name>[a-z0-9-]+)\|(?<assembly>[^|]+\.dll)\|", RegexOptions.Multiline)]
    private static partial Regex ServiceLine();
}
