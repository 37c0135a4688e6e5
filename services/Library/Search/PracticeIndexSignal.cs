using Kommune20.ServiceDefaults;

namespace Kommune20.Library.Search;

/// <summary>Wakes the indexer after a practice, a member card or an adoption changed.</summary>
public sealed class PracticeIndexSignal : WakeSignal;
