namespace Kommune20.WebUi.Components;

/// <summary>One bar of a <see cref="BarChart"/>: what it counts and how many.</summary>
public sealed record Bar(string Label, double Value, string? Href = null);
