extern alias LibraryService;
using System.Globalization;
using Kommune20.Bench.Workloads;
using Kommune20.Contracts.Federation;
using LibraryService::Kommune20.Library.Members;
using LibraryService::Kommune20.Library.Practices;
using LibraryService::Kommune20.Library.Search;
using Microsoft.Extensions.Configuration;

namespace Kommune20.Bench.InProcess;

/// <summary>
/// A library search index of <see cref="GeneratedPractices"/> written straight with the library's own document builder,
/// without a hub: for the in-process benchmarks of the search (bench/Kommune20.Bench.Search). The practices come from
/// <see cref="Cities"/> simulated municipalities in turn, with the hub's facets (city, Land, networks), every tenth one
/// for the network only (so the visitors' visibility filter leaves something out) and every seventh with a verified adoption.
/// </summary>
public static class GeneratedIndex
{
    public const int Cities = 160;
    const int CurrentYear = 2026;
    static readonly DateTimeOffset Published = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Writes practices 1 to <paramref name="practices"/> into the index folder of <paramref name="dataFolder"/> and commits.</summary>
    public static void Write(string dataFolder, int practices)
    {
        var cards = SimulatedMunicipalities.First(Cities).Select(Card).ToList();
        using var index = new PracticeIndex(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["K20_DATA"] = dataFolder }).Build());
        for (var number = 1; number <= practices; number++)
        {
            var city = cards[number % cards.Count];
            var origin = new RecordOrigin(city.MemberId, GeneratedPractices.OriginId(number), 1, Published.AddMinutes(number));
            var practice = Practice.From(origin);
            practice.Apply(origin, Record(number));
            index.Put(practice.Id, PracticeDocuments.Build(practice, city, VerifiedAdoptions(number), CurrentYear));
        }
        index.Commit();
    }

    public static PracticeRecord Record(int number) => GeneratedPractices.Practice(number) with
    {
        Visibility = number % 10 == 0 ? Visibility.Network : Visibility.Public,
    };

    public static int VerifiedAdoptions(int number) => number % 7 == 0 ? 1 : 0;

    static MemberCard Card(SimulatedCity city)
    {
        var land = city.Ags[..2];
        return new MemberCard
        {
            MemberId = new Guid(city.Number + 1, 0x4b32, 0x4c20, 0x9a, 0x20, 0, 0, 0, 0, 0, 1),
            Found = true,
            Name = city.Name,
            Kind = "city",
            Ags = city.Ags,
            FederalState = string.Create(CultureInfo.InvariantCulture, $"Land {land}"),
            NetworkNames = ["Kommune 2.0 e. V.", string.Create(CultureInfo.InvariantCulture, $"Netzwerk Land {land}")],
            FetchedAt = Published,
        };
    }
}
