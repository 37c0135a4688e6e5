using System.Diagnostics;
using Kommune20.Testing;

namespace Kommune20.Bench.Processes;

/// <summary>
/// A project published as <c>deploy/Dockerfile</c> publishes its image (ReadyToRun for linux-x64, framework-dependent),
/// into <c>bench/work/publish/&lt;assembly&gt;/</c>. Published again only when its build output (which the bench builds
/// first) is newer than the last publish, so a run publishes at most once and the next reuses it.
/// </summary>
public static class ReadyToRunPublish
{
    const string Stamp = ".published";

    /// <summary>The published entry assembly of the project in <paramref name="projectFolder"/>, publishing it if out of date.</summary>
    public static async Task<string> DllAsync(string projectFolder, string assemblyName, CancellationToken cancellationToken)
    {
        var built = Path.GetDirectoryName(RepoPaths.Dll(projectFolder, assemblyName))!;
        var target = Path.Combine(BenchOptions.WorkFolder, "publish", assemblyName);
        var stamp = Path.Combine(target, Stamp);
        if (!IsUpToDate(NewestWrite(built), File.Exists(stamp) ? File.GetLastWriteTimeUtc(stamp) : null))
        {
            Console.WriteLine($"    publishing {assemblyName} ReadyToRun into {Path.GetRelativePath(RepoPaths.Root, target)}");
            if (Directory.Exists(target))
                Directory.Delete(target, recursive: true);
            await PublishAsync(Directory.GetFiles(Path.Combine(RepoPaths.Root, projectFolder), "*.csproj").Single(), target, cancellationToken);
            await File.WriteAllTextAsync(stamp, "", cancellationToken);
        }
        return Path.Combine(target, assemblyName + ".dll");
    }

    /// <summary>A publish is up to date when it finished after the newest file of the build output was written.</summary>
    public static bool IsUpToDate(DateTime newestBuilt, DateTime? published) => published is { } finished && finished >= newestBuilt;

    /// <summary>The build output's own files: its subfolders hold native libraries and a runtime's publish, not what changes.</summary>
    static DateTime NewestWrite(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles().Max(file => file.LastWriteTimeUtc);

    static async Task PublishAsync(string project, string target, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
                 {
                     "publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained", "false",
                     "-p:PublishReadyToRun=true", "-p:UseAppHost=false", "-o", target,
                 })
            start.ArgumentList.Add(argument);
        using var publish = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start");
        var output = publish.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = publish.StandardError.ReadToEndAsync(cancellationToken);
        await publish.WaitForExitAsync(cancellationToken);
        if (publish.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish {Path.GetFileName(project)} failed ({publish.ExitCode}):\n{await output}{await errors}");
    }
}
