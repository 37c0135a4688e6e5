using BenchmarkDotNet.Attributes;
using Kommune20.Bench.InProcess;
using Kommune20.Bench.Workloads;

namespace Kommune20.Bench.Search;

/// <summary>
/// One operation is one search, as the mean over all of <see cref="GeneratedPractices.Queries"/> (each run once per
/// invocation): the bare engine against the library's search with facets, snippets and cards, as a visitor (the
/// visibility filter applies), first page of 20.
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    const int Queries = 12;

    /// <summary>The index the run generated (<see cref="Program"/>); the in-process toolchain shares this process with it.</summary>
    public static IndexSnapshot Index { get; set; } = null!;

    [GlobalSetup]
    public void CheckQueries()
    {
        if (GeneratedPractices.Queries.Count != Queries)
            throw new InvalidOperationException($"OperationsPerInvoke is {Queries}, the rotation has {GeneratedPractices.Queries.Count} queries.");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Queries, Description = "bare engine")]
    public int BareEngine()
    {
        var total = 0;
        foreach (var text in GeneratedPractices.Queries)
            total += Index.SearchBare(text);
        return total;
    }

    [Benchmark(OperationsPerInvoke = Queries, Description = "library search (facets, snippets, cards)")]
    public int LibrarySearch()
    {
        var total = 0;
        foreach (var text in GeneratedPractices.Queries)
            total += Index.SearchLibrary(text);
        return total;
    }
}
