using System.Xml.Linq;
using Kommune20.Bench.Report;

namespace Kommune20.Bench.Tests;

public sealed class ReportTests
{
    static readonly Dictionary<string, string> Findings = new() { ["gateway-proxy"] = "Registry and gateway share two cores.\n" };

    [Fact]
    public void Report_names_the_machine_and_every_goal_with_its_verdict()
    {
        var markdown = MarkdownReport.Render(Sample.Run(), "../bench/results/2026-11-26-0839.json", "benchmarks", Findings);

        Assert.Contains("| 2 | AMD EPYC | 24,105 MB | Debian GNU/Linux 12 (bookworm) | .NET 10.0.12 | 0.500 / 2.25 |", markdown);
        Assert.Contains("[2026-11-26-0839.json](../bench/results/2026-11-26-0839.json)", markdown);
        Assert.Contains("> **Caveat:** A shared 2-core machine.", markdown);
        Assert.Contains("| [Gateway: public GET through YARP](#gateway-public-get-through-yarp) | the same endpoint called directly | "
            + "throughput through the gateway / direct ≥ 0.550 | 0.500 | **missed** |", markdown);
        Assert.Contains("| p50 latency the gateway adds < 0.300 ms | 0.200 ms (median of 3 pairs, 0.180–0.250) | met |", markdown);
        Assert.Contains("| p99 through the gateway < 50.0 ms | 30.0 ms (median of 3 runs, 28.0–31.0) | met |", markdown);
        Assert.Contains("| registry at rest < 150 MB | 120 MB | met |", markdown);
    }

    [Fact]
    public void Scenario_table_has_throughput_server_cpu_per_operation_percentiles_errors_and_cpu_per_process()
    {
        var markdown = MarkdownReport.Render(Sample.Run(), "results.json", "benchmarks", Findings);

        Assert.Contains("| measurement | throughput | server CPU ms/op | p50 ms | p90 ms | p99 ms | memory MB | errors | CPU registry % | CPU gateway % |", markdown);
        Assert.Contains("| direct | 2,000 req/s |  | 5.00 | 9.00 | 20.0 |  | 0 | 95.0 |  |", markdown);
        Assert.Contains("| gateway | 1,000 req/s | 1.30 | 8.00 | 12.0 | 30.0 |  | 3 | 60.0 | 70.0 |", markdown);
        Assert.Contains("| measurement | throughput | server CPU ms/op | p50 ms | p90 ms | p99 ms | memory MB | PSS MB | errors |", markdown);
        Assert.Contains("| registry at rest |  |  |  |  |  | 120 | 85.0 | 0 |", markdown);
    }

    [Fact]
    public void Scenario_section_links_its_plots_and_puts_explanation_and_profile_beside_the_figures()
    {
        var markdown = MarkdownReport.Render(Sample.Run(), "results.json", "benchmarks", Findings);

        Assert.Contains("![Throughput](benchmarks/gateway-proxy-throughput.svg)", markdown);
        Assert.Contains("![Latency percentiles](benchmarks/gateway-proxy-latency.svg)", markdown);
        Assert.Contains("![Resident memory](benchmarks/memory-memory.svg)", markdown);
        Assert.Contains("Registry and gateway share two cores.", markdown);
        Assert.Contains("| gateway | dotnet.gc.collections | 12.0 | 20.0 |", markdown);
        Assert.Contains("- Load from wrk <16 connections> & more.", markdown);
    }

    [Fact]
    public void Charts_are_svg_with_a_bar_per_figure_scaled_to_the_largest()
    {
        var charts = ScenarioCharts.For(Sample.Run().Scenarios[0]);
        var latency = XDocument.Parse(charts.Single(c => c.FileName == "gateway-proxy-latency.svg").Svg);
        var throughput = XDocument.Parse(charts.Single(c => c.FileName == "gateway-proxy-throughput.svg").Svg);

        XNamespace svg = "http://www.w3.org/2000/svg";
        var latencyBars = latency.Descendants(svg + "rect").Where(r => r.Element(svg + "title") is not null).ToList();
        Assert.Equal(6, latencyBars.Count);
        Assert.Equal(["p50: 5.00", "p90: 9.00", "p99: 20.0", "p50: 8.00", "p90: 12.0", "p99: 30.0"], latencyBars.Select(r => r.Element(svg + "title")!.Value));
        var widths = throughput.Descendants(svg + "rect").Where(r => r.Element(svg + "title") is not null)
            .Select(r => double.Parse(r.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2 * widths[1], widths[0], 1);
        Assert.Contains("throughput (req/s)", throughput.Root!.Value);
    }

    [Fact]
    public void The_memory_chart_puts_PSS_beside_VmRSS_where_it_was_measured()
    {
        var memory = XDocument.Parse(ScenarioCharts.For(Sample.Run().Scenarios[1]).Single(c => c.FileName == "memory-memory.svg").Svg);

        XNamespace svg = "http://www.w3.org/2000/svg";
        Assert.Equal(["VmRSS: 120", "PSS: 85.0"], memory.Descendants(svg + "rect").Select(bar => bar.Element(svg + "title")?.Value).OfType<string>());
    }

    [Fact]
    public void Labels_are_escaped_in_svg()
    {
        var chart = SvgBarChart.Render("A & B", "ms", [new BarGroup("<direct>", [new Bar("p50", 1)])]);

        var document = XDocument.Parse(chart);
        Assert.Contains("<direct>", document.Root!.Value);
        Assert.Contains("A & B", document.Root.Value);
    }

    [Fact]
    public void Results_survive_a_round_trip_through_json()
    {
        var run = Sample.Run();

        var read = ResultsFile.Deserialize(ResultsFile.Serialize(run));

        Assert.Equal(run.StartedAt, read.StartedAt);
        Assert.Equal(run.Machine, read.Machine);
        Assert.Equal(run.Scenarios[0].Checks, read.Scenarios[0].Checks);
        Assert.Equal(run.Scenarios[0].Measurements[1].Latency, read.Scenarios[0].Measurements[1].Latency);
        Assert.Equal(70, read.Scenarios[0].Measurements[1].CpuPercent["gateway"]);
        Assert.Equal(1.3, read.Scenarios[0].Measurements[1].ServerCpuMs);
        Assert.Equal("2026-11-26-0839.json", ResultsFile.NameOf(run));
        Assert.Equal("2026-11-26-0839-quick.json", ResultsFile.NameOf(run with { Mode = "quick" }));
    }

    [Fact]
    public void Writer_puts_results_report_and_fresh_plots_on_disk()
    {
        var folder = Path.Combine(Path.GetTempPath(), "k20-bench-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var charts = Path.Combine(folder, "docs", "benchmarks");
            Directory.CreateDirectory(charts);
            File.WriteAllText(Path.Combine(charts, "gone-throughput.svg"), "<svg/>");
            Directory.CreateDirectory(Path.Combine(folder, "findings"));
            File.WriteAllText(Path.Combine(folder, "findings", "memory.md"), "The register's memory is mostly code.");

            var results = ReportWriter.WriteResults(Sample.Run(), Path.Combine(folder, "results"));
            ReportWriter.WriteReport(Sample.Run(), results, Path.Combine(folder, "docs", "BENCHMARKS.md"), Path.Combine(folder, "findings"));

            Assert.Equal(Path.Combine(folder, "results", "2026-11-26-0839.json"), results);
            Assert.Equal(["gateway-proxy-latency.svg", "gateway-proxy-throughput.svg", "memory-memory.svg"],
                Directory.EnumerateFiles(charts).Select(Path.GetFileName).Order());
            var markdown = File.ReadAllText(Path.Combine(folder, "docs", "BENCHMARKS.md"));
            Assert.Contains("[2026-11-26-0839.json](../results/2026-11-26-0839.json)", markdown);
            Assert.Contains("The register's memory is mostly code.", markdown);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
