using System.Text.Json;

namespace Kommune20.Testing;

/// <summary>The sign-ins the Registry generated for the demo data (<c>demo-credentials.json</c>).</summary>
public sealed record DemoCredentials(List<DemoCredentials.Person> People, List<DemoCredentials.Client> Clients)
{
    public sealed record Person(string UserName, string Password, string Name, string Member, Guid MemberId, List<string> Roles);
    public sealed record Client(string ClientId, string ClientSecret, string Member, Guid MemberId, List<string> Roles);

    public Person PersonNamed(string userName) => People.Single(p => p.UserName == userName);

    public Client ClientNamed(string clientId) => Clients.Single(c => c.ClientId == clientId);

    public static async Task<DemoCredentials> ReadAsync(string path)
    {
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<DemoCredentials>(file, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException(path + " is empty");
    }
}
