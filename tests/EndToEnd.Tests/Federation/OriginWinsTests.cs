using System.Net.Http.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Kommune20.Federation.Client;
using Kommune20.Federation.Grpc;
using Kommune20.Testing;
using FederationGrpcClient = Kommune20.Federation.Grpc.Federation.FederationClient;

namespace Kommune20.EndToEnd.Tests.Federation;

/// <summary>
/// The origin city always wins: the Metropolregion relays for Heidelberg with the Registry's consent, yet it can neither
/// overwrite, withdraw nor freeze what Heidelberg's own node delivered, not by a push and not by a re-sync.
/// </summary>
[Collection(FederationCollection.Name)]
public sealed class OriginWinsTests(FederationFixture fixture) : IDisposable
{
    readonly GrpcChannel _channel = GrpcChannel.ForAddress(fixture.Hub.GatewayGrpc);
    Hub Hub => fixture.Hub;

    async Task<string> RelayTokenAsync()
    {
        var relay = Hub.Credentials.ClientNamed("relay-metropolregion");
        return await Hub.SignIn.ClientTokenAsync(relay.ClientId, relay.ClientSecret);
    }

    ChangePusher RelayPusher(int batchSize = ChangePusher.DefaultBatchSize) =>
        new(new FederationGrpcClient(_channel), async _ => await RelayTokenAsync(), batchSize);

    FederationGrpcClient Federation => new(_channel);

    [Fact]
    public async Task A_relay_cannot_overwrite_withdraw_freeze_or_resync_away_what_Heidelberg_delivered_itself()
    {
        var own = $"eigene-{Guid.NewGuid():N}"[..20];
        var planted = $"gepflanzt-{Guid.NewGuid():N}"[..20];
        using var hub = new HubReplicas(new HttpClient { BaseAddress = Hub.Gateway });
        using var editor = await CityNodeEditor.SignInAsync(Hub, fixture.Heidelberg, "heidelberg");
        (await editor.PublishAsync(own, Practices.Digitallotsen("Heidelbergs eigene Praxis"))).EnsureSuccessStatusCode();
        HubReplicas.Replica? delivered = null;
        await Eventually.HoldsAsync(async () => Assert.NotNull(delivered = await hub.PracticeAsync(Practices.Heidelberg, own)));

        var headers = new Metadata { { "Authorization", "Bearer " + await RelayTokenAsync() } };
        var cursor = (await Federation.GetCursorAsync(new CursorRequest { OriginMemberId = Practices.Heidelberg.ToString() }, headers)).AcknowledgedVersion;
        var next = Math.Max(cursor, delivered!.Version) + 1;

        // Overwrite and withdraw, with versions the version check alone would have applied.
        var attack = new ScriptedNode(Practices.Heidelberg,
            Practices.Published(own, next, Practices.Digitallotsen("Vom Relais überschrieben")),
            Practices.Withdrawn(own, next + 1));
        await RelayPusher().PushPendingAsync(attack, default);
        Assert.Equal(2, attack.Rejections.Count);
        Assert.All(attack.Rejections, rejection => Assert.Equal(RejectionCode.PermissionDenied, rejection.Code));
        Assert.Contains("selbst geliefert", attack.Rejections[0].Reason);

        // Freeze: a version no log reaches, so that Heidelberg's later changes would look older.
        using (var call = Federation.Push(headers))
        {
            var freeze = new ChangeBatch { OriginMemberId = Practices.Heidelberg.ToString(), HeadVersion = long.MaxValue };
            freeze.Changes.Add(Practices.Published(planted, long.MaxValue, Practices.Digitallotsen("Eingefroren")));
            await call.RequestStream.WriteAsync(freeze);
            Assert.True(await call.ResponseStream.MoveNext());
            var ack = call.ResponseStream.Current;
            var refused = Assert.Single(ack.Rejections);
            Assert.Equal((RejectionCode.InvalidArgument, "version"), (refused.Code, refused.Field));
            Assert.Equal(next + 1, ack.AcknowledgedVersion);
            await call.RequestStream.CompleteAsync();
        }
        Assert.Null(await hub.PracticeAsync(Practices.Heidelberg, planted));

        // Within the lead the relay may deliver a record first, but Heidelberg's own node replaces it, whatever the versions.
        var plant = new ScriptedNode(Practices.Heidelberg, Practices.Published(planted, next + 2, Practices.Digitallotsen("Vom Relais gepflanzt")));
        await RelayPusher().PushPendingAsync(plant, default);
        Assert.Empty(plant.Rejections);
        (await editor.PublishAsync(planted, Practices.Digitallotsen("Heidelbergs Fassung"))).EnsureSuccessStatusCode();
        await Eventually.HoldsAsync(async () =>
            Assert.Equal("Heidelbergs Fassung", (await hub.PracticeAsync(Practices.Heidelberg, planted))!.Practice.Title));

        // A re-sync, one record per chunk: the second chunk's overwrite is refused, and the reconcile withdraws nothing of
        // Heidelberg's own (neither its first record nor the one it took over from the relay).
        var resync = await RelayPusher(batchSize: 1).ResyncAsync(new ScriptedNode(Practices.Heidelberg,
            Practices.Published("relais-digitallotsen", 1, Practices.Digitallotsen()),
            Practices.Published(own, next + 3, Practices.Digitallotsen("Im Abgleich überschrieben"))), default);
        var rejected = Assert.Single(resync.Rejections);
        Assert.Equal((own, RejectionCode.PermissionDenied), (rejected.OriginId, rejected.Code));
        Assert.Equal(0, resync.Withdrawn);

        var kept = await hub.PracticeAsync(Practices.Heidelberg, own);
        Assert.Equal((delivered.Version, "Heidelbergs eigene Praxis"), (kept!.Version, kept.Practice.Title));
        Assert.Equal("Heidelbergs Fassung", (await hub.PracticeAsync(Practices.Heidelberg, planted))!.Practice.Title);
    }

    [Fact]
    public async Task A_resync_whose_snapshot_lies_far_beyond_the_relays_cursor_is_refused_as_a_whole()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => RelayPusher().ResyncAsync(new ScriptedNode(Practices.Heidelberg,
            Practices.Published("relais-eingefroren", long.MaxValue, Practices.Digitallotsen("Eingefroren"))), default));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("snapshot_version", refused.Status.Detail);
        using var hub = new HubReplicas(new HttpClient { BaseAddress = Hub.Gateway });
        Assert.Null(await hub.PracticeAsync(Practices.Heidelberg, "relais-eingefroren"));
    }

    [Fact]
    public async Task A_consent_withdrawn_during_a_long_resync_refuses_the_remaining_chunks_and_the_reconcile()
    {
        var relay = Hub.Credentials.ClientNamed("relay-metropolregion");
        var office = Hub.Credentials.PersonNamed("geschaeftsstelle");
        using var registry = SignIn.WithToken(Hub.Gateway, await Hub.SignIn.PersonTokenAsync(office.UserName, office.Password));
        using var hub = new HubReplicas(new HttpClient { BaseAddress = Hub.Gateway });
        async Task ConsentAsync(bool allowed)
        {
            using var response = await registry.PutAsJsonAsync($"/api/registry/members/{relay.MemberId}/members/{Practices.Heidelberg}", new { relayAllowed = allowed });
            response.EnsureSuccessStatusCode();
            // The hub remembers the Registry's answer this long (the fixture's setting; 30 s by default).
            await Task.Delay(FederationFixture.ConsentCache + TimeSpan.FromMilliseconds(500));
        }
        string Id(string name) => $"{name}-{Guid.NewGuid():N}"[..24];

        // A record the relay delivered itself: a reconcile of its re-sync, whose snapshot lacks it, would withdraw it.
        var headers = new Metadata { { "Authorization", "Bearer " + await RelayTokenAsync() } };
        var cursor = (await Federation.GetCursorAsync(new CursorRequest { OriginMemberId = Practices.Heidelberg.ToString() }, headers)).AcknowledgedVersion;
        var kept = Id("relais-bleibt");
        var planted = new ScriptedNode(Practices.Heidelberg, Practices.Published(kept, cursor + 1, Practices.Digitallotsen("Vom Relais, bleibt")));
        await RelayPusher().PushPendingAsync(planted, default);
        Assert.Empty(planted.Rejections);

        async Task<AsyncClientStreamingCall<ResyncChunk, ResyncSummary>> StartResyncAsync(string first)
        {
            var call = Federation.Resync(headers);
            var chunk = new ResyncChunk { OriginMemberId = Practices.Heidelberg.ToString(), SnapshotVersion = cursor + 3 };
            chunk.Records.Add(Practices.Published(first, cursor + 2, Practices.Digitallotsen("Erster Abschnitt")));
            await call.RequestStream.WriteAsync(chunk);
            await Eventually.HoldsAsync(async () => Assert.NotNull(await hub.PracticeAsync(Practices.Heidelberg, first)));
            return call;
        }

        try
        {
            // Withdrawn after the first chunk: the second is refused, and with it the call.
            using (var call = await StartResyncAsync(Id("abschnitt-eins")))
            {
                await ConsentAsync(false);
                var second = new ResyncChunk { OriginMemberId = Practices.Heidelberg.ToString(), SnapshotVersion = cursor + 3 };
                var late = Id("abschnitt-zwei");
                second.Records.Add(Practices.Published(late, cursor + 3, Practices.Digitallotsen("Zweiter Abschnitt")));
                var refused = await Assert.ThrowsAsync<RpcException>(async () =>
                {
                    await call.RequestStream.WriteAsync(second);
                    await call.RequestStream.CompleteAsync();
                    await call;
                });
                Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
                Assert.Null(await hub.PracticeAsync(Practices.Heidelberg, late));
            }

            // Withdrawn after the last chunk: the reconcile is refused, so the relay's own record stays.
            await ConsentAsync(true);
            using (var call = await StartResyncAsync(Id("einziger-abschnitt")))
            {
                await ConsentAsync(false);
                var refused = await Assert.ThrowsAsync<RpcException>(async () =>
                {
                    await call.RequestStream.CompleteAsync();
                    await call;
                });
                Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
            }
            Assert.NotNull(await hub.PracticeAsync(Practices.Heidelberg, kept));
        }
        finally
        {
            await ConsentAsync(true);
        }
    }

    public void Dispose() => _channel.Dispose();
}
