using System.Globalization;
using System.Runtime.InteropServices;
using Kommune20.Bench.Measuring;

namespace Kommune20.Bench.Processes;

/// <summary>Reads what the machine is (/proc/cpuinfo, /proc/meminfo, /etc/os-release) and how busy it is (/proc/loadavg).</summary>
public static class MachineProbe
{
    public static Machine Describe() => new(
        Environment.ProcessorCount,
        Field("/proc/cpuinfo", "model name", ':') ?? RuntimeInformation.ProcessArchitecture.ToString(),
        long.Parse((Field("/proc/meminfo", "MemTotal", ':') ?? "0 kB").Split(' ')[0], CultureInfo.InvariantCulture) / 1024,
        Field("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription)
    {
        LoadAverageBefore = LoadAverage(),
    };

    /// <summary>The one-minute load average: runnable processes, averaged; above the core count means waiting for a CPU.</summary>
    public static double LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture)
            : double.NaN;

    static string? Field(string file, string name, char separator) =>
        File.Exists(file)
            ? File.ReadLines(file)
                .Select(line => line.Split(separator, 2))
                .Where(parts => parts.Length == 2 && parts[0].Trim() == name)
                .Select(parts => parts[1].Trim())
                .FirstOrDefault()
            : null;
}
