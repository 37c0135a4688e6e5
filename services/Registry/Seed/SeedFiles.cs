using System.Text.Json;
using Kommune20.Registry.Members;
using Kommune20.ServiceDefaults;

namespace Kommune20.Registry.Seed;

/// <summary>The demo data as the project keeps it: members and networks from the association's documents, people and clients.</summary>
internal static class SeedFiles
{
    public sealed record SeedMember(Guid Id, MemberKind Kind, string Name, string? Ags, string? FederalState, string? Website, DateOnly? MemberSince, bool? HasVotingRight);
    public sealed record SeedNetwork(string Network, List<string> Members, bool RelayAllowed);
    public sealed record MembersFile(List<SeedMember> Members, List<SeedNetwork> Networks);
    /// <summary>A person; the fixed <paramref name="Id"/> lets other services' demo data name them (Meetings' panelists and moderators).</summary>
    public sealed record SeedPerson(Guid Id, string UserName, string Name, string Member, List<string> Roles);
    public sealed record SeedClient(string ClientId, string DisplayName, string Member, List<string> Roles);
    public sealed record PeopleFile(List<SeedPerson> People);
    public sealed record ClientsFile(List<SeedClient> Clients);

    public static MembersFile Members() => Read<MembersFile>("members.json");

    public static PeopleFile People() => Read<PeopleFile>("people.json");

    /// <summary>The clients that sign in with client credentials: city nodes, relays, integrations and hub services.</summary>
    public static ClientsFile Clients() => Read<ClientsFile>("clients.json");

    static T Read<T>(string name) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seed", name)), Json.Options)
        ?? throw new InvalidDataException($"Seed file {name} is empty.");
}
