using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.EndToEnd.Tests.Meetings;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests.Instances;

/// <summary>
/// A general assembly made quorate through the gateway (invited, its motion on the agenda, five delegates checked in),
/// whose delegates cast ballots at the instance the test names.
/// </summary>
public sealed class AssemblyVote(Hub hub, string officeToken, HttpClient office)
{
    static readonly string[] Delegates = ["heidelberg", "pforzheim", "heilbronn", "metropolregion", "merseburg"];
    readonly Dictionary<string, string> _tokens = [];
    Guid _motion;

    public Guid Id { get; private set; }
    public string OfficeToken => officeToken;
    public HttpClient Office => office;

    public async Task PrepareAsync(Func<string, Task<string>> tokenOf)
    {
        Id = await IdOf(await AssemblyDraft.PostAsync(office, DateTimeOffset.UtcNow.AddDays(35)));
        _motion = await IdOf(await office.PostAsJsonAsync($"/api/meetings/assemblies/{Id}/motions",
            new { title = "Digitallotsen im Netzwerk verbreiten", text = "Die Versammlung empfiehlt das Konzept.", kind = "resolution" }));
        await SucceedsAsync(await office.PostAsJsonAsync($"/api/meetings/assemblies/{Id}/agenda", new { title = "Antrag", motionId = _motion }));
        await SucceedsAsync(await office.PostAsync($"/api/meetings/assemblies/{Id}/invitation", null));
        foreach (var name in Delegates)
        {
            _tokens[name] = await tokenOf(name);
            using var delegateHttp = SignIn.WithToken(hub.Gateway, _tokens[name]);
            var delegateId = await IdOf(await delegateHttp.PostAsJsonAsync($"/api/meetings/assemblies/{Id}/delegates", new { }));
            await SucceedsAsync(await office.PostAsync($"/api/meetings/assemblies/{Id}/delegates/{delegateId}/check-in", null));
        }
    }

    public async Task<Guid> OpenVoteAsync() =>
        await IdOf(await office.PostAsJsonAsync($"/api/meetings/assemblies/{Id}/votes", new { motionId = _motion }));

    /// <summary>The delegate <paramref name="name"/> casts its member's ballot at <paramref name="site"/> (an instance, or the gateway).</summary>
    public async Task CastAsync(string name, Uri site, Guid vote, string choice)
    {
        using var delegateHttp = SignIn.WithToken(site, _tokens[name]);
        using var cast = await delegateHttp.PostAsJsonAsync($"/api/meetings/votes/{vote}/ballots",
            new { memberId = hub.Credentials.PersonNamed(name).MemberId, choice });
        Assert.True(cast.StatusCode == HttpStatusCode.OK, $"{site}: {(int)cast.StatusCode} {await cast.Content.ReadAsStringAsync()}");
    }

    static async Task SucceedsAsync(HttpResponseMessage response)
    {
        using (response)
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    static async Task<Guid> IdOf(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
    }
}
