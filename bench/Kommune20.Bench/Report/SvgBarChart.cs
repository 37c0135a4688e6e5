using System.Globalization;
using System.Security;
using System.Text;
using Kommune20.Bench.Measuring;

namespace Kommune20.Bench.Report;

/// <summary>A group of bars under one label, one bar per series (e.g. p50, p90, p99 of one measurement).</summary>
public sealed record BarGroup(string Label, IReadOnlyList<Bar> Bars);

public sealed record Bar(string Series, double Value);

/// <summary>A horizontal bar chart as a self-contained SVG: one row per bar, grouped by label, a legend when there are several series.</summary>
public static class SvgBarChart
{
    const int Width = 720;
    const int LabelWidth = 230;
    const int ValueWidth = 90;
    const int RowHeight = 20;
    const int GroupGap = 10;
    const int Top = 46;
    static readonly string[] Palette = ["#1f5f99", "#e07b26", "#4a9a4a", "#8c5aa8", "#b53f3f"];

    public static string Render(string title, string unit, IReadOnlyList<BarGroup> groups)
    {
        var series = groups.SelectMany(group => group.Bars.Select(bar => bar.Series)).Distinct().ToList();
        var max = groups.SelectMany(group => group.Bars).Select(bar => bar.Value).DefaultIfEmpty(0).Max();
        var scale = max > 0 ? (Width - LabelWidth - ValueWidth) / max : 0;
        var rows = groups.Sum(group => group.Bars.Count);
        var height = Top + rows * RowHeight + Math.Max(groups.Count - 1, 0) * GroupGap + 16;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Escape(title)}</title>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"8\" y=\"18\" font-size=\"14\" font-weight=\"bold\">{Escape(title)} ({Escape(unit)})</text>\n");
        if (series.Count > 1)
        {
            for (var i = 0; i < series.Count; i++)
            {
                var x = LabelWidth + i * 90;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"28\" width=\"10\" height=\"10\" fill=\"{Colour(i)}\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 14}\" y=\"37\">{Escape(series[i])}</text>\n");
            }
        }

        var y = Top;
        foreach (var group in groups)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{LabelWidth - 8}\" y=\"{y + 14}\" text-anchor=\"end\">{Escape(group.Label)}</text>\n");
            foreach (var bar in group.Bars)
            {
                var length = Math.Max(bar.Value * scale, 0);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{length:0.#}\" height=\"{RowHeight - 6}\" fill=\"{Colour(series.IndexOf(bar.Series))}\"><title>{Escape(bar.Series)}: {Figures.Format(bar.Value)}</title></rect>");
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{LabelWidth + length + 4:0.#}\" y=\"{y + 14}\">{Figures.Format(bar.Value)}</text>\n");
                y += RowHeight;
            }
            y += GroupGap;
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    static string Colour(int index) => Palette[index % Palette.Length];

    static string Escape(string text) => SecurityElement.Escape(text);
}
