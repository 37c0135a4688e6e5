using Kommune20.Bench.Measuring;

namespace Kommune20.Bench.Report;

/// <summary>An SVG file of the report and the words that introduce it.</summary>
public sealed record Chart(string FileName, string Caption, string Svg);

/// <summary>The plots of a scenario: throughput, latency percentiles and memory, each where the scenario measured it.</summary>
public static class ScenarioCharts
{
    public static IReadOnlyList<Chart> For(ScenarioResult scenario)
    {
        var charts = new List<Chart>();
        var withThroughput = scenario.Measurements.Where(m => m.Throughput is not null).ToList();
        if (withThroughput.Count > 0)
        {
            var unit = string.Join(", ", withThroughput.Select(m => m.ThroughputUnit).Distinct());
            charts.Add(new Chart($"{scenario.Id}-throughput.svg", "Throughput",
                SvgBarChart.Render(scenario.Title + " – throughput", unit,
                    withThroughput.Select(m => new BarGroup(m.Label, [new Bar("throughput", m.Throughput!.Value)])).ToList())));
        }

        var withLatency = scenario.Measurements.Where(m => m.Latency is not null).ToList();
        if (withLatency.Count > 0)
        {
            charts.Add(new Chart($"{scenario.Id}-latency.svg", "Latency percentiles",
                SvgBarChart.Render(scenario.Title + " – latency", "ms",
                    withLatency.Select(m => new BarGroup(m.Label,
                        [new Bar("p50", m.Latency!.P50), new Bar("p90", m.Latency.P90), new Bar("p99", m.Latency.P99)])).ToList())));
        }

        var withMemory = scenario.Measurements.Where(m => m.ResidentMb is not null).ToList();
        if (withMemory.Count > 0)
        {
            charts.Add(new Chart($"{scenario.Id}-memory.svg", "Resident memory",
                SvgBarChart.Render(scenario.Title + " – resident memory", "MB",
                    withMemory.Select(m => new BarGroup(m.Label,
                        [new Bar("VmRSS", m.ResidentMb!.Value), .. m.ProportionalMb is { } pss ? [new Bar("PSS", pss)] : Array.Empty<Bar>()])).ToList())));
        }
        return charts;
    }
}
