using System.Text.Json;
using Kommune20.ServiceDefaults;

namespace Kommune20.Registry.Seed;

/// <summary>The generated demo passwords and client secrets, written once for the person who ran <c>./kommune20 up</c>.</summary>
internal sealed record DemoCredentials(string Gateway, List<DemoCredentials.PersonLogin> People, List<DemoCredentials.ClientLogin> Clients)
{
    public sealed record PersonLogin(string UserName, string Password, string Name, string Member, Guid MemberId, List<string> Roles);
    public sealed record ClientLogin(string ClientId, string ClientSecret, string Member, Guid MemberId, List<string> Roles);

    public void WriteTo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, new JsonSerializerOptions(Json.Options) { WriteIndented = true }));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
