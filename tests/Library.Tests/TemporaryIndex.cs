using Kommune20.Contracts.Federation;
using Kommune20.Library.Members;
using Kommune20.Library.Practices;
using Kommune20.Library.Search;
using Kommune20.Testing;
using Microsoft.Extensions.Configuration;

namespace Kommune20.Library.Tests;

/// <summary>A practice index in a temporary directory, with the library's search over it, for tests of the search alone.</summary>
public sealed class TemporaryIndex : IDisposable
{
    readonly string _data = Directory.CreateTempSubdirectory("k20-index-").FullName;

    public TemporaryIndex(TimeProvider? clock = null)
    {
        Index = new PracticeIndex(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["K20_DATA"] = _data }).Build());
        Search = new PracticeSearch(Index, clock ?? TimeProvider.System);
    }

    public PracticeIndex Index { get; }
    public PracticeSearch Search { get; }

    public static MemberCard City(Guid id, string name) =>
        new() { MemberId = id, Found = true, Name = name, FederalState = "Baden-Württemberg", NetworkNames = ["Kommune 2.0 e. V."] };

    /// <summary>Indexes the record as the origin's practice (not yet committed); returns the practice's id.</summary>
    public Guid Put(MemberCard origin, PracticeRecord record, string originId)
    {
        var practice = Practice.From(PracticeSamples.Origin(origin.MemberId, originId));
        practice.Apply(PracticeSamples.Origin(origin.MemberId, originId), record);
        Index.Put(practice.Id, PracticeDocuments.Build(practice, origin, 0, 2026));
        return practice.Id;
    }

    public PracticeSearchResult Find(string? text, bool signedIn = true) =>
        Search.Search(new PracticeSearchRequest(text, new Dictionary<string, IReadOnlyList<string>>(), 1, 20), signedIn);

    public void Dispose()
    {
        Index.Dispose();
        Directory.Delete(_data, recursive: true);
    }
}
