using Kommune20.ServiceDefaults;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Kommune20.Library.Search;

/// <summary>
/// The Lucene index of listed practices, in the service's data directory (<c>practice-index</c>): each instance of the
/// library keeps one, known by its <see cref="Id"/>. One writer (the <see cref="PracticeIndexer"/>) changes it; searches
/// read the latest committed state through a searcher manager.
/// The files are read with positional reads (<see cref="NIOFSDirectory"/>), not memory-mapped: Lucene.Net 4.8.0-beta00017's
/// <c>MMapDirectory</c> registers every clone of an input in a <c>ConditionalWeakTable</c>, a search makes hundreds of
/// clones, and the GC scans each of those handles at every collection (gen0 pauses of 9–16 ms instead of 0.4 ms under
/// search load, measured with dotnet-trace; docs/LIBRARY.md).
/// </summary>
public sealed class PracticeIndex : IDisposable
{
    readonly FSDirectory _directory;
    readonly IndexWriter _writer;
    readonly SearcherManager _searchers;

    public PracticeAnalyzer Analyzer { get; } = new();

    /// <summary>The facet values of the segments searched, read when a segment first becomes visible.</summary>
    public FacetOrdinals Facets { get; } = new(PracticeFields.Facets);

    const string IdKey = "index-id";

    /// <summary>
    /// Made when the index is created and kept in its commits, so what this index holds is recorded apart from what the
    /// other instances' indexes hold (<see cref="IndexedRevision"/>). An index made empty gets a new id and thus starts
    /// with every practice pending.
    /// </summary>
    public Guid Id { get; }

    public PracticeIndex(IConfiguration configuration)
    {
        _directory = new NIOFSDirectory(new DirectoryInfo(Path.Combine(DataDirectory.Of(configuration), "practice-index")));
        _writer = new IndexWriter(_directory, new IndexWriterConfig(PracticeAnalyzer.Version, Analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 64,
        });
        if (_writer.CommitData.TryGetValue(IdKey, out var id) && Guid.TryParse(id, out var known))
            Id = known;
        else
        {
            Id = Guid.NewGuid();
            _writer.SetCommitData(new Dictionary<string, string> { [IdKey] = Id.ToString() });
            _writer.Commit();
        }
        _searchers = new SearcherManager(_writer, true, Facets);
    }

    public void Put(Guid id, Document document) => _writer.UpdateDocument(new Term(PracticeFields.Id, id.ToString()), document);

    public void Remove(Guid id) => _writer.DeleteDocuments(new Term(PracticeFields.Id, id.ToString()));

    /// <summary>Makes the changes durable and visible to the next search.</summary>
    public void Commit()
    {
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
    }

    public T Read<T>(Func<IndexSearcher, T> read)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return read(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public int Count => Read(searcher => searcher.IndexReader.NumDocs);

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        Analyzer.Dispose();
    }
}
