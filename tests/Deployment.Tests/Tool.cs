using System.Diagnostics;

namespace Kommune20.Deployment.Tests;

/// <summary>A command-line checker (promtool, node) run in a folder of the repository, with what it printed.</summary>
public static class Tool
{
    static readonly TimeSpan Longest = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="program"/> in <paramref name="folder"/>; its exit code and its output, standard output first.</summary>
    public static (int ExitCode, string Output) Run(string program, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repo.PathOf(folder),
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(Longest), $"{program} did not finish within {Longest.TotalSeconds:0} s");
        return (process.ExitCode, output.Result + errors.Result);
    }
}
