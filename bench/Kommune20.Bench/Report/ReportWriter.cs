using Kommune20.Bench.Measuring;

namespace Kommune20.Bench.Report;

/// <summary>Writes a run: its results JSON, the Markdown report beside its SVG plots, with the findings folder's explanations.</summary>
public static class ReportWriter
{
    public static string WriteResults(RunResults results, string resultsFolder)
    {
        Directory.CreateDirectory(resultsFolder);
        var path = Path.Combine(resultsFolder, ResultsFile.NameOf(results));
        File.WriteAllText(path, ResultsFile.Serialize(results));
        return path;
    }

    public static void WriteReport(RunResults results, string resultsPath, string markdownPath, string findingsFolder)
    {
        var reportFolder = Path.GetDirectoryName(Path.GetFullPath(markdownPath))!;
        const string chartsFolder = "benchmarks";
        var chartsPath = Path.Combine(reportFolder, chartsFolder);
        Directory.CreateDirectory(chartsPath);
        foreach (var stale in Directory.EnumerateFiles(chartsPath, "*.svg"))
            File.Delete(stale);
        foreach (var chart in results.Scenarios.SelectMany(ScenarioCharts.For))
            File.WriteAllText(Path.Combine(chartsPath, chart.FileName), chart.Svg);

        var findings = Directory.Exists(findingsFolder)
            ? Directory.EnumerateFiles(findingsFolder, "*.md").ToDictionary(path => Path.GetFileNameWithoutExtension(path), File.ReadAllText)
            : new Dictionary<string, string>();
        var resultsLink = Path.GetRelativePath(reportFolder, Path.GetFullPath(resultsPath)).Replace('\\', '/');
        File.WriteAllText(markdownPath, MarkdownReport.Render(results, resultsLink, chartsFolder, findings));
    }
}
