namespace Kommune20.Bench.Measuring;

/// <summary>
/// One whole download of a catalogue: whether it answered 2xx with a body, its size, when its first byte and its end
/// arrived, and how far the serving process's resident memory rose above its rest meanwhile.
/// </summary>
public sealed record CatalogueDownload(bool Succeeded, double Megabytes, double FirstByteMs, double WholeMs)
{
    public double ExtraMb { get; init; }

    /// <summary>The first byte's time as a share of the whole download's: near 1 for a response built in memory first.</summary>
    public double FirstByteShare => WholeMs > 0 ? FirstByteMs / WholeMs : 1;

    public double MegabytesPerSecond => WholeMs > 0 ? Megabytes / (WholeMs / 1000) : 0;
}
