using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Kommune20.Federation.Client;
using Kommune20.Federation.Grpc;
using Kommune20.ServiceDefaults;
using Kommune20.Testing;
using FederationGrpcClient = Kommune20.Federation.Grpc.Federation.FederationClient;

namespace Kommune20.EndToEnd.Tests.Federation;

/// <summary>
/// A network's node publishing for its member towns, through the gateway with the demo credentials: the Metropolregion
/// Rhein-Neckar publishes for Weinheim (consented), not for Schwetzingen (did not); a withdrawn consent refuses the next
/// batch; a member's own node takes its records over; the hub and the library name the network as the deliverer; and
/// the town's own editor can withdraw what the network published for it.
/// </summary>
[Collection(FederationCollection.Name)]
public sealed class NetworkNodeTests(FederationFixture fixture) : IDisposable
{
    readonly GrpcChannel _channel = GrpcChannel.ForAddress(fixture.Hub.GatewayGrpc);
    Hub Hub => fixture.Hub;
    MetropolregionRelay Relay => new(Hub, _channel);

    static string Id(string name) => $"{name}-{Guid.NewGuid():N}"[..28];

    async Task<HttpClient> AsPersonAsync(string userName)
    {
        var person = Hub.Credentials.PersonNamed(userName);
        return SignIn.WithToken(Hub.Gateway, await Hub.SignIn.PersonTokenAsync(person.UserName, person.Password));
    }

    async Task SetConsentAsync(HttpClient office, Guid member, bool allowed)
    {
        using var response = await office.PutAsJsonAsync($"/api/registry/members/{Practices.Metropolregion}/members/{member}", new { relayAllowed = allowed });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Gives the consent back after a test withdrew it: the hub remembers a refusal for the fixture's short time.</summary>
    async Task RestoreConsentAsync(HttpClient office, Guid member)
    {
        await SetConsentAsync(office, member, allowed: true);
        await Task.Delay(FederationFixture.ConsentCache + TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task Without_consent_the_network_cannot_publish_for_a_member()
    {
        var id = Id("schwetzingen");
        var refused = new ScriptedNode(Practices.Schwetzingen, Practices.Published(id, 1, Practices.Digitallotsen("Ohne Zustimmung")));

        await Relay.Pusher().PushPendingAsync(refused, default);

        Assert.Equal(RejectionCode.PermissionDenied, Assert.Single(refused.Rejections).Code);
        using var hub = new HubReplicas(new HttpClient { BaseAddress = Hub.Gateway });
        Assert.Null(await hub.PracticeAsync(Practices.Schwetzingen, id));
    }

    [Fact]
    public async Task A_consent_withdrawn_mid_stream_refuses_the_very_next_batch()
    {
        using var office = await AsPersonAsync("geschaeftsstelle");
        using var hub = new HubReplicas(new HttpClient { BaseAddress = Hub.Gateway });
        var cursor = await Relay.CursorAsync(Practices.Weinheim);
        using var call = Relay.Federation.Push(await Relay.HeadersAsync());
        async Task<BatchAck> SendAsync(long version, string id)
        {
            var batch = new ChangeBatch { OriginMemberId = Practices.Weinheim.ToString(), HeadVersion = version };
            batch.Changes.Add(Practices.Published(id, version, Practices.Digitallotsen($"Weinheim {id}")));
            await call.RequestStream.WriteAsync(batch);
            Assert.True(await call.ResponseStream.MoveNext());
            return call.ResponseStream.Current;
        }

        try
        {
            Assert.Equal(1, (await SendAsync(cursor + 1, Id("vor-widerruf"))).Applied);

            // Consent withdrawn in the register: the next batch on the same stream, no wait.
            await SetConsentAsync(office, Practices.Weinheim, allowed: false);
            var afterWithdrawal = Id("nach-widerruf");
            var refused = await SendAsync(cursor + 2, afterWithdrawal);
            Assert.Equal((0, RejectionCode.PermissionDenied), (refused.Applied, Assert.Single(refused.Rejections).Code));
            Assert.Null(await hub.PracticeAsync(Practices.Weinheim, afterWithdrawal));

            // The membership ended altogether: likewise at once.
            await RestoreConsentAsync(office, Practices.Weinheim);
            Assert.Equal(1, (await SendAsync(cursor + 2, Id("wieder-erlaubt"))).Applied);
            using (var ended = await office.DeleteAsync($"/api/registry/members/{Practices.Metropolregion}/members/{Practices.Weinheim}"))
                ended.EnsureSuccessStatusCode();
            Assert.Equal(RejectionCode.PermissionDenied, Assert.Single((await SendAsync(cursor + 3, Id("ausgetreten"))).Rejections).Code);
            await call.RequestStream.CompleteAsync();
        }
        finally
        {
            await RestoreConsentAsync(office, Practices.Weinheim);
        }
    }

    [Fact]
    public async Task A_members_own_node_takes_its_records_over_and_the_networks_later_changes_are_refused()
    {
        // A town of its own, so that no other test's relaying for it is refused once its node has taken over.
        using var office = await AsPersonAsync("geschaeftsstelle");
        var suffix = Random.Shared.Next(0, 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        using var created = await office.PostAsJsonAsync("/api/registry/members", new { kind = "city", name = $"Übernahmestadt {suffix}", ags = $"0899{suffix}" });
        created.EnsureSuccessStatusCode();
        var town = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await SetConsentAsync(office, town, allowed: true);

        var (first, second) = (Id("erste"), Id("zweite"));
        var relayed = new ScriptedNode(town,
            Practices.Published(first, 1, Practices.Digitallotsen("Vom Netzwerk veröffentlicht")),
            Practices.Published(second, 2, Practices.Digitallotsen("Zweite vom Netzwerk")));
        await Relay.Pusher().PushPendingAsync(relayed, default);
        Assert.Empty(relayed.Rejections);
        using var hub = new HubReplicas(new HttpClient { BaseAddress = Hub.Gateway });
        Assert.Equal(Practices.Metropolregion, (await hub.PracticeAsync(town, first))!.RelayedBy);

        // The town starts its own node with the network's log for it: same ids, versions continued.
        using var registered = await office.PostAsJsonAsync($"/api/registry/members/{town}/clients", new { clientId = $"node-uebernahme-{suffix}", displayName = "Eigener Knoten" });
        registered.EnsureSuccessStatusCode();
        var credential = await registered.Content.ReadFromJsonAsync<JsonElement>();
        var own = new ChangePusher(new FederationGrpcClient(_channel), async _ => await Hub.SignIn.ClientTokenAsync(
            credential.GetProperty("clientId").GetString()!, credential.GetProperty("clientSecret").GetString()!));
        var node = new ScriptedNode(town,
            Practices.Published(first, 1, Practices.Digitallotsen("Vom Netzwerk veröffentlicht")),
            Practices.Published(second, 2, Practices.Digitallotsen("Zweite vom Netzwerk")),
            Practices.Published(first, 3, Practices.Digitallotsen("Vom eigenen Knoten")));
        await own.PushPendingAsync(node, default);
        Assert.Empty(node.Rejections);

        var records = (await hub.PracticesOfAsync(town)).OrderByDescending(r => r.Version).ToList();
        Assert.Equal([(first, 3L, "Vom eigenen Knoten"), (second, 2L, "Zweite vom Netzwerk")],
            records.Select(r => (r.OriginId, r.Version, r.Practice.Title)));
        Assert.All(records, record => Assert.Null(record.RelayedBy));

        // From now on the network publishes nothing for the town: neither a change nor a new record.
        var late = new ScriptedNode(town,
            Practices.Published(first, 3, Practices.Digitallotsen("Wieder vom Netzwerk")),
            Practices.Published(Id("neu"), 4, Practices.Digitallotsen("Neu vom Netzwerk")));
        await Relay.Pusher().PushPendingAsync(late, default);
        Assert.Equal(2, late.Rejections.Count);
        Assert.All(late.Rejections, rejection => Assert.StartsWith("Die Stadt veröffentlicht über ihren eigenen Knoten", rejection.Reason));
        Assert.Equal(2, (await hub.PracticesOfAsync(town)).Count);
        Assert.Equal("Vom eigenen Knoten", (await hub.PracticeAsync(town, first))!.Practice.Title);

        using var visitor = new HttpClient { BaseAddress = Hub.Gateway };
        var publishers = await visitor.GetFromJsonAsync<JsonElement>($"/api/federation/members/{town}/publishers");
        Assert.True(publishers.GetProperty("ownNode").GetBoolean());
        Assert.Equal(0, publishers.GetProperty("networks").GetArrayLength());
    }

    [Fact]
    public async Task The_hub_and_the_library_name_the_network_that_published_for_the_town()
    {
        var marker = $"Netzwerkmarke{Guid.NewGuid():N}"[..24];
        var id = Id("weinheim-geonet");
        var published = new ScriptedNode(Practices.Weinheim, Practices.Published(id, await Relay.CursorAsync(Practices.Weinheim) + 1,
            Practices.Digitallotsen($"Geodaten gemeinsam nutzen {marker}")));
        await Relay.Pusher().PushPendingAsync(published, default);
        Assert.Empty(published.Rejections);

        using var hub = new HubReplicas(new HttpClient { BaseAddress = Hub.Gateway });
        var replica = await hub.PracticeAsync(Practices.Weinheim, id);
        Assert.Equal((Practices.Weinheim, Practices.Metropolregion), (replica!.OriginMemberId, replica.RelayedBy));
        using var visitor = new HttpClient { BaseAddress = Hub.Gateway };
        var publishers = await visitor.GetFromJsonAsync<JsonElement>($"/api/federation/members/{Practices.Weinheim}/publishers");
        Assert.False(publishers.GetProperty("ownNode").GetBoolean());
        Assert.Contains(Practices.Metropolregion, publishers.GetProperty("networks").EnumerateArray().Select(network => network.GetGuid()));

        await Eventually.HoldsAsync(async () =>
        {
            var found = await visitor.GetFromJsonAsync<JsonElement>($"/api/library/practices?q={marker}");
            var card = Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("practice");
            Assert.Equal(("Weinheim", Practices.Metropolregion, "Metropolregion Rhein-Neckar"),
                (card.GetProperty("city").GetString(), card.GetProperty("relayedBy").GetGuid(), card.GetProperty("relayedByName").GetString()));
            var details = await visitor.GetFromJsonAsync<JsonElement>($"/api/library/practices/{card.GetProperty("id").GetGuid()}");
            Assert.Equal("Metropolregion Rhein-Neckar", details.GetProperty("origin").GetProperty("relayedByName").GetString());
        });
    }

    [Fact]
    public async Task The_towns_own_editor_withdraws_at_the_hub_what_the_network_published_and_no_one_else_may()
    {
        var marker = $"Rueckzugsmarke{Guid.NewGuid():N}"[..26];
        var id = Id("weinheim-xpress");
        var version = await Relay.CursorAsync(Practices.Weinheim) + 1;
        var published = new ScriptedNode(Practices.Weinheim, Practices.Published(id, version, Practices.Digitallotsen($"Erlebnisraum {marker}")));
        await Relay.Pusher().PushPendingAsync(published, default);
        Assert.Empty(published.Rejections);
        using var visitor = new HttpClient { BaseAddress = Hub.Gateway };
        await Eventually.HoldsAsync(async () =>
            Assert.Single((await visitor.GetFromJsonAsync<JsonElement>($"/api/library/practices?q={marker}")).GetProperty("items").EnumerateArray()));
        var path = $"/api/federation/practices/{Practices.Weinheim}/{id}";

        using (var anonymous = await visitor.DeleteAsync(path))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        foreach (var other in new[] { "metropolregion", "heidelberg" })
        {
            using var asOther = await AsPersonAsync(other);
            using var refused = await asOther.DeleteAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        using var weinheim = await AsPersonAsync("weinheim");
        using (var withdrawn = await weinheim.DeleteAsync(path))
            Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        using (var again = await weinheim.DeleteAsync(path))
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        using var hub = new HubReplicas(new HttpClient { BaseAddress = Hub.Gateway });
        Assert.Null(await hub.PracticeAsync(Practices.Weinheim, id));

        // The withdrawal is the town's own act: the network cannot bring the record back, not even with a version newer
        // than the withdrawal's (which the hub numbered one above the network's).
        var revived = new ScriptedNode(Practices.Weinheim, Practices.Published(id, version + 2, Practices.Digitallotsen($"Wiederbelebt {marker}")));
        await Relay.Pusher().PushPendingAsync(revived, default);
        Assert.Contains("zurückgezogen", Assert.Single(revived.Rejections).Reason);
        Assert.Null(await hub.PracticeAsync(Practices.Weinheim, id));
        await Eventually.HoldsAsync(async () =>
            Assert.Empty((await visitor.GetFromJsonAsync<JsonElement>($"/api/library/practices?q={marker}")).GetProperty("items").EnumerateArray()));
    }

    [Fact]
    public async Task What_a_towns_own_node_published_is_withdrawn_on_the_node_not_at_the_hub()
    {
        var id = Id("heidelberg-eigen");
        using var editor = await CityNodeEditor.SignInAsync(Hub, fixture.Heidelberg, "heidelberg");
        (await editor.PublishAsync(id, Practices.Digitallotsen("Heidelbergs eigene"))).EnsureSuccessStatusCode();
        using var hub = new HubReplicas(new HttpClient { BaseAddress = Hub.Gateway });
        await Eventually.HoldsAsync(async () => Assert.NotNull(await hub.PracticeAsync(Practices.Heidelberg, id)));

        using var heidelberg = await AsPersonAsync("heidelberg");
        using var refused = await heidelberg.DeleteAsync($"/api/federation/practices/{Practices.Heidelberg}/{id}");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.NotNull(await hub.PracticeAsync(Practices.Heidelberg, id));
    }

    public void Dispose() => _channel.Dispose();
}
