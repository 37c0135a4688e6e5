namespace Kommune20.Library.Practices;

/// <summary>The 169 targets of the 17 Sustainable Development Goals ("16.6", "16.a"), read from sdg-targets.txt.</summary>
public static class SdgTargets
{
    public static IReadOnlyList<string> All { get; } = Load();

    static readonly HashSet<string> Known = [.. All];

    /// <summary>The target as the library writes it ("SDG 16.6" and " 16.6 " become "16.6"), or null when there is no such target.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var target = value.Trim();
        if (target.StartsWith("SDG", StringComparison.OrdinalIgnoreCase))
            target = target[3..].Trim();
        target = target.ToLowerInvariant();
        return Known.Contains(target) ? target : null;
    }

    static List<string> Load()
    {
        using var stream = typeof(SdgTargets).Assembly.GetManifestResourceStream("sdg-targets.txt")
            ?? throw new InvalidOperationException("sdg-targets.txt is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd()
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith('#'))
            .SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
    }
}
