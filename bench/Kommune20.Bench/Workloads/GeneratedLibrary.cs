using Kommune20.Testing;

namespace Kommune20.Bench.Workloads;

/// <summary>
/// The generated practices the library holds in this run: loaded once, in ascending sizes, by whichever scenario needs
/// them first (the library search in a full run), so that scenarios after it read the same library without filling it
/// again, and a scenario run on its own still finds the practices it needs.
/// </summary>
public sealed class GeneratedLibrary(Hub hub)
{
    /// <summary>How many generated practices the library holds (practices 0 to Size − 1).</summary>
    public int Size { get; private set; }

    /// <summary>Loads practices up to <paramref name="size"/> unless the library holds them; null when it did.</summary>
    public async Task<(TimeSpan Loading, TimeSpan Indexing)?> FillToAsync(int size, TimeSpan longest, CancellationToken cancellationToken)
    {
        if (size <= Size)
            return null;
        var office = hub.Credentials.ClientNamed("office-integration");
        var origins = hub.Credentials.Clients.Where(client => client.ClientId.StartsWith("node-", StringComparison.Ordinal)).Select(client => client.MemberId).ToList();
        var load = new LibraryLoad(hub.Library, IssuedTokens.Renewing(hub.Gateway, office.ClientId, office.ClientSecret), origins);
        var took = await load.LoadAsync(Size, size, longest, cancellationToken);
        Size = size;
        return took;
    }
}
