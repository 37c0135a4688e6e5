using System.Net.Http.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Kommune20.Federation.Client;
using Kommune20.Federation.Grpc;
using Kommune20.Testing;

namespace Kommune20.EndToEnd.Tests.Federation;

/// <summary>
/// The origin city always wins: the Metropolregion may relay for Heidelberg with the Registry's consent, yet once
/// Heidelberg's own node has delivered, the region can neither overwrite, withdraw, freeze, plant nor re-sync anything of
/// Heidelberg's. For Weinheim, which has no node, the region relays within the version lead and while the consent holds.
/// </summary>
[Collection(FederationCollection.Name)]
public sealed class OriginWinsTests(FederationFixture fixture) : IDisposable
{
    readonly GrpcChannel _channel = GrpcChannel.ForAddress(fixture.Hub.GatewayGrpc);
    Hub Hub => fixture.Hub;
    MetropolregionRelay Relay => new(Hub, _channel);

    [Fact]
    public async Task A_relay_cannot_overwrite_withdraw_freeze_plant_or_resync_anything_once_Heidelbergs_own_node_delivered()
    {
        var own = $"eigene-{Guid.NewGuid():N}"[..20];
        var planted = $"gepflanzt-{Guid.NewGuid():N}"[..20];
        using var hub = new HubReplicas(new HttpClient { BaseAddress = Hub.Gateway });
        using var editor = await CityNodeEditor.SignInAsync(Hub, fixture.Heidelberg, "heidelberg");
        (await editor.PublishAsync(own, Practices.Digitallotsen("Heidelbergs eigene Praxis"))).EnsureSuccessStatusCode();
        HubReplicas.Replica? delivered = null;
        await Eventually.HoldsAsync(async () => Assert.NotNull(delivered = await hub.PracticeAsync(Practices.Heidelberg, own)));
        Assert.Null(delivered!.RelayedBy);

        var next = Math.Max(await Relay.CursorAsync(Practices.Heidelberg), delivered.Version) + 1;

        // Overwrite, withdraw and plant, with versions the version check alone would have applied.
        var attack = new ScriptedNode(Practices.Heidelberg,
            Practices.Published(own, next, Practices.Digitallotsen("Vom Relais überschrieben")),
            Practices.Withdrawn(own, next + 1),
            Practices.Published(planted, next + 2, Practices.Digitallotsen("Vom Relais gepflanzt")));
        await Relay.Pusher().PushPendingAsync(attack, default);
        Assert.Equal(3, attack.Rejections.Count);
        Assert.All(attack.Rejections, rejection => Assert.Equal(RejectionCode.PermissionDenied, rejection.Code));
        Assert.StartsWith("Die Stadt veröffentlicht über ihren eigenen Knoten", attack.Rejections[0].Reason);

        // Freeze: a version no log reaches, so that Heidelberg's later changes would look older.
        using (var call = Relay.Federation.Push(await Relay.HeadersAsync()))
        {
            var freeze = new ChangeBatch { OriginMemberId = Practices.Heidelberg.ToString(), HeadVersion = long.MaxValue };
            freeze.Changes.Add(Practices.Published(planted, long.MaxValue, Practices.Digitallotsen("Eingefroren")));
            await call.RequestStream.WriteAsync(freeze);
            Assert.True(await call.ResponseStream.MoveNext());
            Assert.Equal(RejectionCode.PermissionDenied, Assert.Single(call.ResponseStream.Current.Rejections).Code);
            await call.RequestStream.CompleteAsync();
        }
        Assert.Null(await hub.PracticeAsync(Practices.Heidelberg, planted));

        // A re-sync, whose reconcile would withdraw what the relay delivered before: refused as a whole.
        var resync = await Assert.ThrowsAsync<RpcException>(() => Relay.Pusher().ResyncAsync(new ScriptedNode(Practices.Heidelberg,
            Practices.Published(own, next + 3, Practices.Digitallotsen("Im Abgleich überschrieben"))), default));
        Assert.Equal(StatusCode.PermissionDenied, resync.StatusCode);
        Assert.Contains("eigenen Knoten", resync.Status.Detail);

        var kept = await hub.PracticeAsync(Practices.Heidelberg, own);
        Assert.Equal((delivered.Version, "Heidelbergs eigene Praxis"), (kept!.Version, kept.Practice.Title));
    }

    [Fact]
    public async Task A_relays_version_far_beyond_its_cursor_is_refused_and_the_cursor_does_not_move_to_it()
    {
        var cursor = await Relay.CursorAsync(Practices.Weinheim);
        var planted = $"eingefroren-{Guid.NewGuid():N}"[..24];
        using (var call = Relay.Federation.Push(await Relay.HeadersAsync()))
        {
            var freeze = new ChangeBatch { OriginMemberId = Practices.Weinheim.ToString(), HeadVersion = long.MaxValue };
            freeze.Changes.Add(Practices.Published(planted, long.MaxValue, Practices.Digitallotsen("Eingefroren")));
            await call.RequestStream.WriteAsync(freeze);
            Assert.True(await call.ResponseStream.MoveNext());
            var refused = Assert.Single(call.ResponseStream.Current.Rejections);
            Assert.Equal((RejectionCode.InvalidArgument, "version"), (refused.Code, refused.Field));
            Assert.Equal(cursor, call.ResponseStream.Current.AcknowledgedVersion);
            await call.RequestStream.CompleteAsync();
        }
        using var hub = new HubReplicas(new HttpClient { BaseAddress = Hub.Gateway });
        Assert.Null(await hub.PracticeAsync(Practices.Weinheim, planted));
    }

    [Fact]
    public async Task A_resync_whose_snapshot_lies_far_beyond_the_relays_cursor_is_refused_as_a_whole()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => Relay.Pusher().ResyncAsync(new ScriptedNode(Practices.Weinheim,
            Practices.Published("relais-eingefroren", long.MaxValue, Practices.Digitallotsen("Eingefroren"))), default));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("snapshot_version", refused.Status.Detail);
        using var hub = new HubReplicas(new HttpClient { BaseAddress = Hub.Gateway });
        Assert.Null(await hub.PracticeAsync(Practices.Weinheim, "relais-eingefroren"));
    }

    [Fact]
    public async Task A_consent_withdrawn_during_a_long_resync_refuses_the_remaining_chunks_and_the_reconcile()
    {
        var office = Hub.Credentials.PersonNamed("geschaeftsstelle");
        using var registry = SignIn.WithToken(Hub.Gateway, await Hub.SignIn.PersonTokenAsync(office.UserName, office.Password));
        using var hub = new HubReplicas(new HttpClient { BaseAddress = Hub.Gateway });
        async Task ConsentAsync(bool allowed)
        {
            using var response = await registry.PutAsJsonAsync($"/api/registry/members/{Relay.Client.MemberId}/members/{Practices.Weinheim}", new { relayAllowed = allowed });
            response.EnsureSuccessStatusCode();
            // A withdrawal counts at once; a consent given again once the hub forgets the refusal it remembered (the fixture's setting).
            if (allowed)
                await Task.Delay(FederationFixture.ConsentCache + TimeSpan.FromMilliseconds(500));
        }
        string Id(string name) => $"{name}-{Guid.NewGuid():N}"[..24];

        // A record the relay delivered itself: a reconcile of its re-sync, whose snapshot lacks it, would withdraw it.
        var headers = await Relay.HeadersAsync();
        var cursor = await Relay.CursorAsync(Practices.Weinheim);
        var kept = Id("relais-bleibt");
        var planted = new ScriptedNode(Practices.Weinheim, Practices.Published(kept, cursor + 1, Practices.Digitallotsen("Vom Relais, bleibt")));
        await Relay.Pusher().PushPendingAsync(planted, default);
        Assert.Empty(planted.Rejections);

        async Task<AsyncClientStreamingCall<ResyncChunk, ResyncSummary>> StartResyncAsync(string first)
        {
            var call = Relay.Federation.Resync(headers);
            var chunk = new ResyncChunk { OriginMemberId = Practices.Weinheim.ToString(), SnapshotVersion = cursor + 3 };
            chunk.Records.Add(Practices.Published(first, cursor + 2, Practices.Digitallotsen("Erster Abschnitt")));
            await call.RequestStream.WriteAsync(chunk);
            await Eventually.HoldsAsync(async () => Assert.NotNull(await hub.PracticeAsync(Practices.Weinheim, first)));
            return call;
        }

        try
        {
            // Withdrawn after the first chunk: the second is refused, and with it the call.
            using (var call = await StartResyncAsync(Id("abschnitt-eins")))
            {
                await ConsentAsync(false);
                var second = new ResyncChunk { OriginMemberId = Practices.Weinheim.ToString(), SnapshotVersion = cursor + 3 };
                var late = Id("abschnitt-zwei");
                second.Records.Add(Practices.Published(late, cursor + 3, Practices.Digitallotsen("Zweiter Abschnitt")));
                var refused = await Assert.ThrowsAsync<RpcException>(async () =>
                {
                    await call.RequestStream.WriteAsync(second);
                    await call.RequestStream.CompleteAsync();
                    await call;
                });
                Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
                Assert.Null(await hub.PracticeAsync(Practices.Weinheim, late));
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
            Assert.NotNull(await hub.PracticeAsync(Practices.Weinheim, kept));
        }
        finally
        {
            await ConsentAsync(true);
        }
    }

    public void Dispose() => _channel.Dispose();
}
