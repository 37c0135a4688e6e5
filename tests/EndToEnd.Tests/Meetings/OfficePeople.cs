using System.Net.Http.Json;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests.Meetings;

/// <summary>
/// Persons of the association's office, signed in through the gateway: the demo's office person, and a further one
/// registered on the spot, since minutes need the approvals of two different persons.
/// </summary>
public static class OfficePeople
{
    public const string Demo = "geschaeftsstelle";

    /// <summary>A new person with the office role at the association (registered by the demo's office person), signed in.</summary>
    public static async Task<HttpClient> NewSignedInAsync(Hub hub, string name)
    {
        var demo = hub.Credentials.PersonNamed(Demo);
        using var office = SignIn.WithToken(hub.Gateway, await hub.SignIn.PersonTokenAsync(demo.UserName, demo.Password));
        var (userName, password) = ($"protokoll-{Guid.NewGuid():N}"[..24], $"Protokoll-{Guid.NewGuid():N}");
        using var created = await office.PostAsJsonAsync("/api/registry/people", new
        {
            userName, name, password, roles = new[] { "office" }, memberId = demo.MemberId,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return SignIn.WithToken(hub.Gateway, await hub.SignIn.PersonTokenAsync(userName, password));
    }
}
