using System.Net.Http.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Kommune20.Contracts.Federation;
using Kommune20.Federation.Client;
using Kommune20.Federation.Grpc;
using Kommune20.Testing;
using Microsoft.Data.Sqlite;
using FederationGrpcClient = Kommune20.Federation.Grpc.Federation.FederationClient;

namespace Kommune20.EndToEnd.Tests.Federation;

/// <summary>
/// What the hub accepts from whom, through the gateway's gRPC port with the demo clients' real credentials: a city only its
/// own records, a network only what the Registry lets it relay; malformed records are quarantined, not blocking.
/// </summary>
[Collection(FederationCollection.Name)]
public sealed class ProvenanceTests(FederationFixture fixture) : IDisposable
{
    readonly GrpcChannel _channel = GrpcChannel.ForAddress(fixture.Hub.GatewayGrpc);
    Hub Hub => fixture.Hub;

    ChangePusher PusherFor(string clientId)
    {
        var client = Hub.Credentials.ClientNamed(clientId);
        return new ChangePusher(new FederationGrpcClient(_channel), async _ => await Hub.SignIn.ClientTokenAsync(client.ClientId, client.ClientSecret));
    }

    /// <summary>Federation's <c>FederationExtensions.MaxMessageBytes</c>.</summary>
    const int HubMessageLimit = 4 * 1024 * 1024;

    [Fact]
    public async Task A_batch_over_the_hubs_message_limit_is_refused_and_not_stored()
    {
        // Through the relay for Weinheim, with a version beyond whatever the collection's other tests pushed: the batch must be
        // sent to be refused.
        var huge = new ScriptedNode(Practices.Weinheim,
            Practices.Published("riesig", 5_000, Practices.Digitallotsen() with { Description = new string('x', HubMessageLimit) }));

        var refused = await Assert.ThrowsAsync<RpcException>(() => PusherFor("relay-metropolregion").PushPendingAsync(huge, default));

        // Federation answers RESOURCE_EXHAUSTED; through the gateway the node may see the stream cancelled instead.
        Assert.Contains(refused.StatusCode, new[] { StatusCode.ResourceExhausted, StatusCode.Cancelled });
        using var hub = new HubReplicas(new HttpClient { BaseAddress = Hub.Gateway });
        Assert.Null(await hub.PracticeAsync(Practices.Weinheim, "riesig"));
    }

    [Fact]
    public async Task Pforzheim_cannot_publish_or_withdraw_Weinheims_records_directly_or_through_a_relay_the_registry_does_not_allow()
    {
        using var hub = new HubReplicas(new HttpClient { BaseAddress = Hub.Gateway });
        // The Metropolregion Rhein-Neckar relays for Weinheim: the Registry records the consent.
        var version = await new MetropolregionRelay(Hub, _channel).CursorAsync(Practices.Weinheim) + 1;
        var relayed = new ScriptedNode(Practices.Weinheim, Practices.Published("relais-digitallotsen", version, Practices.Digitallotsen()));
        await PusherFor("relay-metropolregion").PushPendingAsync(relayed, default);
        Assert.Empty(relayed.Rejections);
        var replica = await hub.PracticeAsync(Practices.Weinheim, "relais-digitallotsen");
        Assert.Equal((Practices.Weinheim, version, Practices.Metropolregion), (replica!.OriginMemberId, replica.Version, replica.RelayedBy));

        // Pforzheim's credential, directly: neither a withdrawal nor a new record in Weinheim's name.
        var forged = new ScriptedNode(Practices.Weinheim,
            Practices.Withdrawn("relais-digitallotsen", 2),
            Practices.Published("gefaelscht", 3, Practices.Digitallotsen("Gefälschte Praxis")));
        await PusherFor("node-pforzheim").PushPendingAsync(forged, default);
        Assert.Equal(2, forged.Rejections.Count);
        Assert.All(forged.Rejections, rejection => Assert.Equal(RejectionCode.PermissionDenied, rejection.Code));
        Assert.NotNull(await hub.PracticeAsync(Practices.Weinheim, "relais-digitallotsen"));
        Assert.Null(await hub.PracticeAsync(Practices.Weinheim, "gefaelscht"));

        // Nor by a re-sync, which would withdraw everything of Weinheim's.
        var resync = await Assert.ThrowsAsync<RpcException>(() => PusherFor("node-pforzheim").ResyncAsync(new ScriptedNode(Practices.Weinheim), default));
        Assert.Equal(StatusCode.PermissionDenied, resync.StatusCode);

        // The Metropolregion may not relay for Pforzheim: Pforzheim is no member of it and never allowed it.
        var notAllowed = new ScriptedNode(Practices.Pforzheim, Practices.Published("ueber-relais", 1, Practices.Digitallotsen("Über ein fremdes Relais")));
        await PusherFor("relay-metropolregion").PushPendingAsync(notAllowed, default);
        Assert.Equal(RejectionCode.PermissionDenied, Assert.Single(notAllowed.Rejections).Code);
        Assert.Null(await hub.PracticeAsync(Practices.Pforzheim, "ueber-relais"));
        Assert.NotNull(await hub.PracticeAsync(Practices.Weinheim, "relais-digitallotsen"));
    }

    [Fact]
    public async Task The_gateway_lets_only_city_node_credentials_reach_federation()
    {
        var hub = new FederationGrpcClient(_channel);
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => hub.GetCursorAsync(new CursorRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);

        var editor = Hub.Credentials.PersonNamed("heidelberg");
        var person = new Metadata { { "Authorization", "Bearer " + await Hub.SignIn.PersonTokenAsync(editor.UserName, editor.Password) } };
        var refused = await Assert.ThrowsAsync<RpcException>(() => hub.GetCursorAsync(new CursorRequest(), person).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);

        var node = Hub.Credentials.ClientNamed("node-heidelberg");
        var asNode = new Metadata { { "Authorization", "Bearer " + await Hub.SignIn.ClientTokenAsync(node.ClientId, node.ClientSecret) } };
        Assert.Equal(Practices.Heidelberg.ToString(), (await hub.GetCursorAsync(new CursorRequest(), asNode)).OriginMemberId);
    }

    [Fact]
    public async Task An_empty_batch_on_the_push_stream_answers_where_to_resume_as_committed_now()
    {
        // The relay pushing its own records: a cursor no other test moves.
        var relay = Hub.Credentials.ClientNamed("relay-metropolregion");
        var headers = new Metadata { { "Authorization", "Bearer " + await Hub.SignIn.ClientTokenAsync(relay.ClientId, relay.ClientSecret) } };
        var hub = new FederationGrpcClient(_channel);
        var origin = relay.MemberId.ToString();
        var before = (await hub.GetCursorAsync(new CursorRequest { OriginMemberId = origin }, headers)).AcknowledgedVersion;

        using var call = hub.Push(headers);
        async Task<BatchAck> SendAsync(ChangeBatch batch)
        {
            await call.RequestStream.WriteAsync(batch);
            Assert.True(await call.ResponseStream.MoveNext());
            return call.ResponseStream.Current;
        }

        Assert.Equal(before, (await SendAsync(new ChangeBatch { OriginMemberId = origin })).AcknowledgedVersion);
        var next = before + 1;
        var batch = new ChangeBatch { OriginMemberId = origin, HeadVersion = next };
        batch.Changes.Add(Practices.Published($"netzwerk-{next}", next, Practices.Digitallotsen("Netzwerk der Netzwerke")));
        Assert.Equal(next, (await SendAsync(batch)).AcknowledgedVersion);
        var asked = await SendAsync(new ChangeBatch { OriginMemberId = origin });
        await call.RequestStream.CompleteAsync();

        Assert.Equal((next, 0), (asked.AcknowledgedVersion, asked.Applied));
        Assert.Equal(next, (await hub.GetCursorAsync(new CursorRequest { OriginMemberId = origin }, headers)).AcknowledgedVersion);
    }

    [Fact]
    public async Task Malformed_records_are_quarantined_and_reported_without_blocking_the_records_after_them()
    {
        var freiburg = new ScriptedNode(Practices.Freiburg,
            Practices.Published("unbekanntes-ziel", 1, Practices.Digitallotsen("Freiburg gestalten") with { SdgTargets = ["16.11"] }),
            Practices.Published("ohne-titel", 2, Practices.Digitallotsen("")),
            Practices.Published("freiburg-gestalten", 3, Practices.Digitallotsen("#freiburg_gestalten")));

        await PusherFor("node-freiburg").PushPendingAsync(freiburg, default);

        Assert.Equal(3, freiburg.Acknowledged);
        Assert.Equal([("unbekanntes-ziel", "sdgTargets[0]"), ("ohne-titel", "title")],
            freiburg.Rejections.Select(r => (r.OriginId, r.Field)));
        Assert.All(freiburg.Rejections, rejection => Assert.Equal(RejectionCode.InvalidArgument, rejection.Code));
        using var hub = new HubReplicas(new HttpClient { BaseAddress = Hub.Gateway });
        Assert.Equal(3, (await hub.PracticeAsync(Practices.Freiburg, "freiburg-gestalten"))!.Version);

        // The hub shows it per city, to the city itself.
        var node = Hub.Credentials.ClientNamed("node-freiburg");
        using var asFreiburg = SignIn.WithToken(Hub.Gateway, await Hub.SignIn.ClientTokenAsync(node.ClientId, node.ClientSecret));
        var states = await asFreiburg.GetFromJsonAsync<List<CityState>>("/api/federation/state", ServiceDefaults.Json.Options);
        var state = Assert.Single(states!);
        Assert.Equal((Practices.Freiburg, 3L), (state.OriginMemberId, state.AcknowledgedVersion));
        Assert.Equal(["sdgTargets[0]", "title"], state.Rejected.Select(r => r.Field));
        Assert.Contains("16.11", state.Rejected[0].Reason);
    }

    [Fact]
    public async Task A_resync_removes_at_the_hub_what_the_city_no_longer_has()
    {
        await using var withdrawn = await EventProbe<PracticeWithdrawn>.SubscribeAsync(Hub);
        using var editor = await CityNodeEditor.SignInAsync(Hub, fixture.Heilbronn, "heilbronn");
        foreach (var id in new[] { "reallabor-verkehr", "reallabor-buergerservice", "vernissage-digital" })
        {
            using var response = await editor.PublishAsync(id, Practices.Digitallotsen($"Heilbronn: {id}"));
            response.EnsureSuccessStatusCode();
        }
        using var hub = new HubReplicas(new HttpClient { BaseAddress = Hub.Gateway });
        await Eventually.HoldsAsync(async () => Assert.NotNull(await hub.PracticeAsync(Practices.Heilbronn, "vernissage-digital")));

        // The node's database comes back from a backup that never had the second record (no tombstone was ever written).
        await using (var database = new SqliteConnection($"Data Source={Path.Combine(Hub.DataDirectory, "heilbronn", "citynode.db")}"))
        {
            await database.OpenAsync();
            await using var forget = database.CreateCommand();
            forget.CommandText = "DELETE FROM change_log WHERE RecordId = 'reallabor-buergerservice'; DELETE FROM records WHERE Id = 'reallabor-buergerservice';";
            await forget.ExecuteNonQueryAsync();
        }

        using var resync = await editor.Http.PostAsync("/api/node/federation/resync", null);
        resync.EnsureSuccessStatusCode();
        Assert.Contains("\"withdrawn\":1", await resync.Content.ReadAsStringAsync());

        Assert.Null(await hub.PracticeAsync(Practices.Heilbronn, "reallabor-buergerservice"));
        Assert.NotNull(await hub.PracticeAsync(Practices.Heilbronn, "reallabor-verkehr"));
        Assert.NotNull(await hub.PracticeAsync(Practices.Heilbronn, "vernissage-digital"));
        await Eventually.HoldsAsync(() =>
        {
            Assert.Single(withdrawn.Consumed, e => e.Origin.OriginId == "reallabor-buergerservice");
            return Task.CompletedTask;
        });
    }

    public sealed record CityState(Guid OriginMemberId, long AcknowledgedVersion, long Lag, List<RejectedChange> Rejected);

    public sealed record RejectedChange(string OriginId, long Version, string Code, string? Field, string Reason);

    public void Dispose() => _channel.Dispose();
}
