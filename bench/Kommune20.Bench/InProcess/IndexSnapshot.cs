extern alias LibraryService;
using LibraryService::Kommune20.Library.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Configuration;
using Directory = System.IO.Directory;

namespace Kommune20.Bench.InProcess;

/// <summary>
/// A copy of the library's latest committed search index (the files of that commit, copied while a reader holds them),
/// or an index this process wrote (<see cref="GeneratedIndex"/>), opened in this process in two ways: by the bare engine (a Lucene searcher with the library's analyzer and query
/// parser) and by the library's own search code (<see cref="PracticeSearch"/>: facets, snippets, cards).
/// </summary>
public sealed class IndexSnapshot : IDisposable
{
    /// <summary>The index folder inside a library's data directory.</summary>
    public const string IndexFolder = "practice-index";

    const int PageSize = 20;

    readonly FSDirectory _directory;
    readonly DirectoryReader _reader;
    readonly IndexSearcher _bare;
    readonly PracticeAnalyzer _analyzer = new();
    readonly PracticeIndex _index;
    readonly PracticeSearch _library;

    IndexSnapshot(string dataFolder)
    {
        _directory = new NIOFSDirectory(new DirectoryInfo(Path.Combine(dataFolder, IndexFolder)));
        _reader = DirectoryReader.Open(_directory);
        _bare = new IndexSearcher(_reader);
        _index = new PracticeIndex(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["K20_DATA"] = dataFolder }).Build());
        _library = new PracticeSearch(_index, TimeProvider.System);
    }

    public int Documents => _reader.NumDocs;

    /// <summary>Copies the latest commit of the index in <paramref name="libraryData"/> into <paramref name="copyData"/> and opens it.</summary>
    public static IndexSnapshot Copy(string libraryData, string copyData)
    {
        var target = Path.Combine(copyData, IndexFolder);
        if (Directory.Exists(target))
            Directory.Delete(target, recursive: true);
        Directory.CreateDirectory(target);
        using (var live = FSDirectory.Open(Path.Combine(libraryData, IndexFolder)))
        using (var reader = DirectoryReader.Open(live))
        {
            foreach (var file in reader.IndexCommit.FileNames)
                File.Copy(Path.Combine(live.Directory.FullName, file), Path.Combine(target, file));
        }
        return new IndexSnapshot(copyData);
    }

    /// <summary>Opens the index in the data folder <paramref name="dataFolder"/> as it is, e.g. one that <see cref="GeneratedIndex"/> wrote.</summary>
    public static IndexSnapshot Open(string dataFolder) => new(dataFolder);

    /// <summary>The bare engine: the text parsed as the library parses it, the best page by relevance, its stored documents read.</summary>
    public int SearchBare(string text)
    {
        var query = TextQuery.Parse(text, _analyzer) ?? throw new ArgumentException($"\"{text}\" holds nothing to search for.", nameof(text));
        var hits = _bare.Search(query, PageSize);
        foreach (var hit in hits.ScoreDocs)
            _bare.Doc(hit.Doc);
        return hits.TotalHits;
    }

    /// <summary>The library's search as its endpoint runs it for a visitor, without HTTP: plus facet counts over all matches, snippets and cards.</summary>
    public int SearchLibrary(string text) =>
        _library.Search(new PracticeSearchRequest(text, new Dictionary<string, IReadOnlyList<string>>(), 1, PageSize), signedIn: false).Total;

    public void Dispose()
    {
        _index.Dispose();
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
