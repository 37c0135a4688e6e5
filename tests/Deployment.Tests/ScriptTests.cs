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

    /// <summary>`./kommune20 up` starts what deploy/topology.json lists (TopologyTests checks that every web project is there).</summary>
    [Fact]
    public void Launcher_derives_its_services_from_the_topology()
    {
        var launcher = Repo.Read("kommune20");

        Assert.Contains($"TOPOLOGY=\"$ROOT/{Topology.File}\"", launcher);
        Assert.DoesNotMatch(HandWrittenServiceLine(), launcher);
        Assert.DoesNotContain("Identity__PortalRedirectUris__1=", launcher);
    }

    /// <summary>A hand-written line of the SERVICES table ("library|services/Library/...dll|5103|..."), as the launcher had before the topology.</summary>
    [GeneratedRegex(@"^\s*""(?<name>[a-z0-9-]+)\|(?<assembly>[^|]+\.dll)\|", RegexOptions.Multiline)]
    private static partial Regex HandWrittenServiceLine();
}
