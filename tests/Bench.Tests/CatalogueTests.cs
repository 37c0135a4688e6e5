using Kommune20.Bench.Measuring;

namespace Kommune20.Bench.Tests;

public sealed class CatalogueTests
{
    [Fact]
    public void A_streamed_download_sends_its_first_byte_early_and_one_built_in_memory_near_its_end()
    {
        var streamed = new CatalogueDownload(true, 47, FirstByteMs: 400, WholeMs: 5000);
        var built = new CatalogueDownload(true, 39, FirstByteMs: 5549, WholeMs: 5679);

        Assert.Equal(0.08, streamed.FirstByteShare, 3);
        Assert.Equal(9.4, streamed.MegabytesPerSecond, 3);
        Assert.True(built.FirstByteShare > 0.97);
        Assert.Equal(1, new CatalogueDownload(false, 0, 0, 0).FirstByteShare);
    }
}
