using Kommune20.Bench.InProcess;
using Kommune20.Bench.Workloads;
using Kommune20.Contracts.Federation;

namespace Kommune20.Bench.Tests;

/// <summary>The index the in-process search benchmarks write: every practice in it, and the visitors' filter has something to leave out.</summary>
public sealed class GeneratedIndexTests
{
    [Fact]
    public void Every_tenth_practice_is_for_the_network_and_every_seventh_adopted()
    {
        Assert.Equal(Visibility.Network, GeneratedIndex.Record(10).Visibility);
        Assert.Equal(Visibility.Public, GeneratedIndex.Record(11).Visibility);
        Assert.Equal(1, GeneratedIndex.VerifiedAdoptions(14));
        Assert.Equal(0, GeneratedIndex.VerifiedAdoptions(15));
    }

    [Fact]
    public void The_index_holds_every_practice_and_a_visitor_finds_fewer_than_the_bare_engine()
    {
        var data = Directory.CreateTempSubdirectory("k20-generated-index-").FullName;
        try
        {
            GeneratedIndex.Write(data, 500);
            using var index = IndexSnapshot.Open(data);

            Assert.Equal(500, index.Documents);
            var bare = GeneratedPractices.Queries.Select(index.SearchBare).ToList();
            var visitor = GeneratedPractices.Queries.Select(index.SearchLibrary).ToList();
            Assert.All(visitor, found => Assert.True(found > 0));
            Assert.All(bare.Zip(visitor), pair => Assert.True(pair.Second <= pair.First));
            Assert.True(visitor.Sum() < bare.Sum());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
