using System.Text.Json;
using Kommune20.CityNode.Data;
using Kommune20.CityNode.Records;
using Kommune20.Contracts.Federation;
using Kommune20.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.CityNode.Seed;

/// <summary>
/// On first start with <c>Seed:DemoData=true</c>, publishes the demo records of this node's city (the file under Seed/
/// whose memberId is <c>Node:MemberId</c>) through the change log, so they federate like an editor's. A network node
/// publishes the files whose <c>relayedBy</c> is its network, each under the file's member as origin.
/// </summary>
internal sealed class DemoSeeder(IServiceProvider services, IConfiguration configuration, NodeSettings settings, ILogger<DemoSeeder> logger) : IHostedService
{
    public sealed record SeedRecord<T>(string Id, T Record);
    public sealed record CitySeed(Guid MemberId, Guid? RelayedBy, string Name, CityProfileRecord? Profile, List<SeedRecord<PracticeRecord>> Practices, List<SeedRecord<ProjectUpdateRecord>> ProjectUpdates,
        List<SeedRecord<CityEventRecord>>? Events);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Seed:DemoData", false))
            return;
        var seeds = Files().Where(file => settings.Network ? file.RelayedBy == settings.MemberId : file.MemberId == settings.MemberId && file.RelayedBy is null).ToList();
        if (seeds.Count == 0)
        {
            logger.LogInformation("No demo data for member {MemberId}", settings.MemberId);
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodeDb>();
        if (await db.Records.AnyAsync(cancellationToken))
            return;
        var log = scope.ServiceProvider.GetRequiredService<ChangeLog>();
        foreach (var seed in seeds)
        {
            var origin = seed.MemberId;
            if (seed.Profile is { } profile)
                await PublishAsync(log, origin, RecordDescriptors.CityProfile, ProfileApi.ProfileId, profile, cancellationToken);
            foreach (var practice in seed.Practices)
                await PublishAsync(log, origin, RecordDescriptors.Practice, practice.Id, practice.Record, cancellationToken);
            foreach (var update in seed.ProjectUpdates)
                await PublishAsync(log, origin, RecordDescriptors.ProjectUpdate, update.Id, update.Record, cancellationToken);
            foreach (var cityEvent in seed.Events ?? [])
                await PublishAsync(log, origin, RecordDescriptors.CityEvent, cityEvent.Id, cityEvent.Record, cancellationToken);
            logger.LogInformation("Published the demo records of {City}", seed.Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    static async Task PublishAsync<T>(ChangeLog log, Guid origin, RecordDescriptor<T> kind, string id, T record, CancellationToken ct) where T : class
    {
        var normalized = kind.Normalize(record);
        var errors = kind.Validate(normalized);
        if (errors.Count > 0 || RecordRules.OriginIdProblem(id) is not null)
            throw new InvalidDataException($"Demo record {kind.Name} {id}: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
        await log.WriteAsync(origin, kind.Kind, id, RecordStatus.Published, RecordBody.Write(normalized), ct);
    }

    static IEnumerable<CitySeed> Files() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Seed"), "*.json")
            .Select(file => JsonSerializer.Deserialize<CitySeed>(File.ReadAllText(file), Json.Options)
                ?? throw new InvalidDataException($"Seed file {file} is empty."));
}
