using Kommune20.Contracts.Federation;

namespace Kommune20.Contracts.Projects;

/// <summary>
/// The lead city published the transfer report of its project, evaluating or completed, as a practice from its own node
/// (<see cref="RecordOrigin"/>: the city and the practice's id there). Announced once per project, for its first report.
/// </summary>
public sealed record TransferReportPublished(string Key, string ProjectTitle, RecordOrigin Origin, string ReportTitle, DateTimeOffset PublishedAt);
