using System.Globalization;

namespace Kommune20.Bench.Processes;

/// <summary>
/// What Linux tells about a process in /proc: resident memory (VmRSS, its peak VmHWM), its proportional share (Pss) and
/// CPU time (utime + stime).
/// </summary>
public static class ProcFs
{
    /// <summary>USER_HZ, the unit of /proc/&lt;pid&gt;/stat's times; 100 on every Linux architecture .NET runs on.</summary>
    const double TicksPerSecond = 100;

    public static double ResidentMb(int pid) => ResidentMbFrom(File.ReadAllText($"/proc/{pid}/status"));

    /// <summary>The highest resident memory since the process started (the kernel's high-water mark), between samples too.</summary>
    public static double PeakResidentMb(int pid) => PeakResidentMbFrom(File.ReadAllText($"/proc/{pid}/status"));

    /// <summary>
    /// The proportional set size: each page shared with other processes (the .NET runtime's files mapped by every
    /// service) counts by its share, so the services' figures add up to what they take from the machine together.
    /// </summary>
    public static double ProportionalMb(int pid) => ProportionalMbFrom(File.ReadAllText($"/proc/{pid}/smaps_rollup"));

    public static double ResidentMbFrom(string status) => Megabytes(status, "VmRSS:");

    public static double ProportionalMbFrom(string smapsRollup) => Megabytes(smapsRollup, "Pss:");

    public static double PeakResidentMbFrom(string status) => Megabytes(status, "VmHWM:");

    /// <summary>A "Field:  1234 kB" line of /proc/&lt;pid&gt;/status or smaps_rollup, in MB.</summary>
    static double Megabytes(string procFile, string field)
    {
        var line = procFile.Split('\n').FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal))
            ?? throw new FormatException($"No {field} line in the process's figures.");
        var kilobytes = long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kilobytes / 1024.0;
    }

    /// <summary>CPU seconds the process has used so far, or null when it has gone.</summary>
    public static double? CpuSeconds(int pid)
    {
        try
        {
            return CpuSecondsFrom(File.ReadAllText($"/proc/{pid}/stat"));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static double CpuSecondsFrom(string stat)
    {
        // The command name (field 2) is in parentheses and may contain spaces; utime and stime are fields 14 and 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / TicksPerSecond;
    }
}
