using Kommune20.Registry.Clients;
using Kommune20.Registry.Data;
using Kommune20.Registry.Members;
using Kommune20.Registry.People;
using Kommune20.ServiceDefaults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Registry.Seed;

/// <summary>
/// On first start with <c>Seed:DemoData=true</c>, fills an empty register with the association's demo members,
/// networks, people and clients (city nodes, integrations, hub services), and writes their secrets to <c>Seed:CredentialsFile</c>.
/// Startup work, the last: the Registry is ready only once the seed is there (and its credentials written).
/// </summary>
internal sealed class DemoSeeder(IServiceProvider services, IConfiguration configuration, TimeProvider clock, ILogger<DemoSeeder> logger) : IStartupWork
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Seed:DemoData", false))
            return;

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
        if (await db.Members.AnyAsync(cancellationToken))
            return;

        var byName = await SeedMembersAsync(db, cancellationToken);
        var credentials = await SeedPeopleAndClientsAsync(scope.ServiceProvider, db, byName, cancellationToken);
        var file = configuration["Seed:CredentialsFile"] ?? Path.Combine(configuration["K20_DATA"] ?? ".", "demo-credentials.json");
        credentials.WriteTo(file);
        logger.LogInformation("Seeded {Members} demo members; sign-ins written to {File}", byName.Count, file);
    }

    async Task<Dictionary<string, Member>> SeedMembersAsync(RegistryDb db, CancellationToken ct)
    {
        var seed = SeedFiles.Members();
        var now = clock.GetUtcNow();
        var byName = new Dictionary<string, Member>();
        foreach (var entry in seed.Members)
        {
            var input = new MemberInput(entry.Kind, entry.Name, entry.Ags, entry.FederalState, entry.Website, entry.MemberSince, MemberStatus.Active, entry.HasVotingRight);
            var errors = MemberRules.Validate(input);
            if (errors.Count > 0)
                throw new InvalidDataException($"Seed member {entry.Name}: {string.Join("; ", errors.SelectMany(e => e.Value))}");
            var member = new Member { Id = entry.Id, Name = entry.Name };
            MemberRules.Apply(input, member, now);
            db.Members.Add(member);
            byName[member.Name] = member;
        }

        foreach (var network in seed.Networks)
        {
            foreach (var name in network.Members)
            {
                db.NetworkMemberships.Add(new NetworkMembership
                {
                    NetworkId = byName[network.Network].Id,
                    MemberId = byName[name].Id,
                    Since = byName[name].MemberSince,
                    RelayAllowed = network.RelayAllowed,
                });
            }
        }
        await db.SaveChangesAsync(ct);
        return byName;
    }

    async Task<DemoCredentials> SeedPeopleAndClientsAsync(IServiceProvider scoped, RegistryDb db, Dictionary<string, Member> byName, CancellationToken ct)
    {
        var seed = SeedFiles.People();
        var hasher = scoped.GetRequiredService<IPasswordHasher<Person>>();
        var provisioning = scoped.GetRequiredService<ClientProvisioning>();
        var credentials = new DemoCredentials(configuration["Identity:Issuer"] ?? "http://localhost:8080/", [], []);

        foreach (var entry in seed.People)
        {
            var member = byName[entry.Member];
            var password = GeneratedSecrets.New(16);
            var person = new Person { Id = entry.Id, UserName = entry.UserName, Name = entry.Name, MemberId = member.Id, Roles = entry.Roles };
            person.PasswordHash = hasher.HashPassword(person, password);
            db.People.Add(person);
            credentials.People.Add(new(entry.UserName, password, entry.Name, member.Name, member.Id, entry.Roles));
        }
        await db.SaveChangesAsync(ct);

        foreach (var entry in SeedFiles.Clients().Clients)
        {
            var member = byName[entry.Member];
            // A hub service's secret can be given (Seed:ClientSecrets:<clientId>), so that the launcher hands the same one to the service.
            var secret = configuration[$"Seed:ClientSecrets:{entry.ClientId}"] ?? GeneratedSecrets.New(GeneratedSecrets.ClientSecretLength);
            await provisioning.CreateAsync(entry.ClientId, entry.DisplayName, secret, member.Id, entry.Roles, ct);
            credentials.Clients.Add(new(entry.ClientId, secret, member.Name, member.Id, entry.Roles));
        }
        return credentials;
    }
}
