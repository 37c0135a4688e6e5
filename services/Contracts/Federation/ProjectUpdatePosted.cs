namespace Kommune20.Contracts.Federation;

/// <summary>The hub applied a city's pilot-project update.</summary>
public sealed record ProjectUpdatePosted(RecordOrigin Origin, ProjectUpdateRecord Update);
