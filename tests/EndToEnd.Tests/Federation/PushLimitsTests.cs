using System.Net.Http.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Kommune20.Federation.Client;
using Kommune20.Federation.Grpc;
using Kommune20.Testing;
using FederationGrpcClient = Kommune20.Federation.Grpc.Federation.FederationClient;

namespace Kommune20.EndToEnd.Tests.Federation;

/// <summary>
/// What one credential may put on the hub, with the demo relay's (the fixture sets small limits): a push stream ends after
/// its bound of batches and the pusher goes on over a new one; refusals for an origin without consent are counted and
/// shown, not kept; a credential that floods is refused for a while and may push again afterwards.
/// </summary>
[Collection(FederationCollection.Name)]
public sealed class PushLimitsTests(FederationFixture fixture) : IDisposable
{
    readonly GrpcChannel _channel = GrpcChannel.ForAddress(fixture.Hub.GatewayGrpc);
    Hub Hub => fixture.Hub;
    MetropolregionRelay Relay => new(Hub, _channel);

    [Fact]
    public async Task A_push_stream_ends_after_its_bound_of_batches_and_the_pusher_goes_on_over_a_new_one()
    {
        // The relay's own records: a cursor no other test moves past these versions.
        var headers = await Relay.HeadersAsync();
        var hub = new FederationGrpcClient(_channel);
        var origin = Relay.Client.MemberId.ToString();
        using (var call = hub.Push(headers))
        {
            for (var batch = 0; batch < FederationFixture.MaxBatchesPerStream; batch++)
            {
                await call.RequestStream.WriteAsync(new ChangeBatch { OriginMemberId = origin });
                Assert.True(await call.ResponseStream.MoveNext());
            }
            await call.RequestStream.WriteAsync(new ChangeBatch { OriginMemberId = origin });
            var ended = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
            Assert.Equal(StatusCode.ResourceExhausted, ended.StatusCode);
            Assert.Null(ChangePusher.RetryAfter(ended));
        }

        var cursor = (await hub.GetCursorAsync(new CursorRequest { OriginMemberId = origin }, headers)).AcknowledgedVersion;
        const int Changes = 3 * FederationFixture.MaxBatchesPerStream;
        var log = new ScriptedNode(Relay.Client.MemberId, Enumerable.Range(1, Changes)
            .Select(i => Practices.Published($"netzwerk-strom-{cursor + i}", cursor + i, Practices.Digitallotsen($"Netzwerk {i}"))).ToArray());

        // One change per batch: four streams for fifteen batches and the opening empty ones.
        var acknowledged = await Relay.Pusher(batchSize: 1).PushPendingAsync(log, default);

        Assert.Equal((cursor + Changes, cursor + Changes), (acknowledged, log.Acknowledged));
        Assert.Empty(log.Rejections);
    }

    [Fact]
    public async Task Refusals_for_an_origin_without_consent_are_counted_not_kept_and_a_flooding_credential_waits()
    {
        // The Metropolregion has no consent to relay for Pforzheim.
        using var office = SignIn.WithToken(Hub.Gateway, await OfficeTokenAsync());
        var before = await RefusedAsync(office);
        var forged = new ScriptedNode(Practices.Pforzheim, Enumerable.Range(1, 10)
            .Select(i => Practices.Published($"fremd-{i}", i, Practices.Digitallotsen("Ohne Zustimmung"))).ToArray());

        await Relay.Pusher(batchSize: 200).PushPendingAsync(forged, default);

        Assert.Equal(10, forged.Rejections.Count);
        Assert.All(forged.Rejections, rejection => Assert.Equal(RejectionCode.PermissionDenied, rejection.Code));
        Assert.Equal(before + 10, await RefusedAsync(office));
        var pforzheim = (await StatesAsync(office)).Single(state => state.OriginMemberId == Practices.Pforzheim);
        Assert.DoesNotContain(pforzheim.Rejected, rejected => rejected.SourceMemberId == Relay.Client.MemberId);
        Assert.DoesNotContain(pforzheim.Feeds, feed => feed.SourceMemberId == Relay.Client.MemberId);

        // Past the window's bound of refused changes (within one stream, whatever the window counted before): refused as a
        // whole, with the time to wait. Without consent nothing is acknowledged for good, so each new stream starts over.
        const int PerBatch = FederationFixture.MaxRefusedPerWindow;
        var flood = new ScriptedNode(Practices.Pforzheim, Enumerable.Range(1, 6 * PerBatch)
            .Select(i => Practices.Published($"flut-{i}", i, Practices.Digitallotsen("Flut"))).ToArray());
        var limited = await Assert.ThrowsAsync<RpcException>(() => Relay.Pusher(PerBatch).PushPendingAsync(flood, default));
        Assert.Equal(StatusCode.ResourceExhausted, limited.StatusCode);
        var retryAfter = ChangePusher.RetryAfter(limited);
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), FederationFixture.BlockFor);
        Assert.InRange(flood.Rejections.Count, PerBatch, 4 * PerBatch);
        var hub = new FederationGrpcClient(_channel);
        var stillLimited = await Assert.ThrowsAsync<RpcException>(async () => await hub.GetCursorAsync(new CursorRequest(), await Relay.HeadersAsync()));
        Assert.Equal(StatusCode.ResourceExhausted, stillLimited.StatusCode);

        // Per credential: Heidelberg's node is not held up; and after the wait the relay may push again.
        var node = Hub.Credentials.ClientNamed("node-heidelberg");
        var asHeidelberg = new Metadata { { "Authorization", "Bearer " + await Hub.SignIn.ClientTokenAsync(node.ClientId, node.ClientSecret) } };
        await hub.GetCursorAsync(new CursorRequest(), asHeidelberg);
        await Task.Delay(retryAfter.Value);
        await hub.GetCursorAsync(new CursorRequest(), await Relay.HeadersAsync());
    }

    [Fact]
    public async Task Idle_push_streams_hold_no_database_connection_of_their_own()
    {
        // A node keeps its push stream open between batches. Were each stream's reads to use the call's database context,
        // every connected node would hold a SQLite connection (an open file) as long as it stays connected: 10,800 cities
        // ran Federation out of file handles (bench/findings/federation-fleet.md).
        const int Streams = 40;
        var headers = await Relay.HeadersAsync();
        var hub = new FederationGrpcClient(_channel);
        var origin = Relay.Client.MemberId.ToString();
        var before = OpenDatabaseFiles();
        // Connections Microsoft.Data.Sqlite keeps in its pool: the count sees the database's files at all.
        Assert.True(before > 0, "no open file of Federation's database was found");
        var calls = new List<AsyncDuplexStreamingCall<ChangeBatch, BatchAck>>();
        try
        {
            for (var i = 0; i < Streams; i++)
            {
                var call = hub.Push(headers);
                calls.Add(call);
                await call.RequestStream.WriteAsync(new ChangeBatch { OriginMemberId = origin });
                Assert.True(await call.ResponseStream.MoveNext());
            }

            Assert.InRange(OpenDatabaseFiles() - before, 0, Streams / 4);
        }
        finally
        {
            foreach (var call in calls)
                call.Dispose();
        }
    }

    /// <summary>Federation's open files on its SQLite database (not its -wal and -shm files): one per open connection.</summary>
    int OpenDatabaseFiles()
    {
        var database = Path.Combine(Hub.DataDirectory, "federation", "federation.db");
        return new DirectoryInfo($"/proc/{Hub.Process("federation").Id}/fd").EnumerateFileSystemInfos()
            .Count(fd => fd.LinkTarget == database);
    }

    async Task<string> OfficeTokenAsync()
    {
        var office = Hub.Credentials.PersonNamed("geschaeftsstelle");
        return await Hub.SignIn.PersonTokenAsync(office.UserName, office.Password);
    }

    async Task<long> RefusedAsync(HttpClient office) =>
        (await StatesAsync(office)).Where(state => state.OriginMemberId == Practices.Pforzheim)
            .SelectMany(state => state.Refused).Where(r => r.SourceMemberId == Relay.Client.MemberId && r.Reason == "no-consent").Sum(r => r.Count);

    static async Task<List<CityState>> StatesAsync(HttpClient office) =>
        await office.GetFromJsonAsync<List<CityState>>("/api/federation/state", ServiceDefaults.Json.Options) ?? [];

    public sealed record CityState(Guid OriginMemberId, List<Feed> Feeds, List<Rejected> Rejected, List<Refusal> Refused);

    public sealed record Feed(Guid SourceMemberId);

    public sealed record Rejected(Guid SourceMemberId, string OriginId);

    public sealed record Refusal(Guid SourceMemberId, string Reason, long Count);

    public void Dispose() => _channel.Dispose();
}
