using Grpc.Core;
using Grpc.Net.Client;
using Kommune20.EndToEnd.Tests.Federation;
using Kommune20.Federation.Grpc;
using Kommune20.Testing;
using FederationGrpcClient = Kommune20.Federation.Grpc.Federation.FederationClient;

namespace Kommune20.EndToEnd.Tests.Observability;

/// <summary>A city node's push through the gateway's gRPC port, with the demo node's credential and, if given, the caller's W3C trace.</summary>
public sealed class FederationPush(Hub hub, string clientId) : IDisposable
{
    readonly GrpcChannel _channel = GrpcChannel.ForAddress(hub.GatewayGrpc);

    /// <summary>Publishes one new practice (the version after the hub's cursor) and reports <paramref name="lead"/> further versions as the node's head.</summary>
    public async Task<long> PublishAsync(string originId, string title, string? traceParent = null, long lead = 0)
    {
        var client = hub.Credentials.ClientNamed(clientId);
        var headers = new Metadata { { "Authorization", "Bearer " + await hub.SignIn.ClientTokenAsync(client.ClientId, client.ClientSecret) } };
        var federation = new FederationGrpcClient(_channel);
        var origin = client.MemberId.ToString();
        var version = (await federation.GetCursorAsync(new CursorRequest { OriginMemberId = origin }, headers)).AcknowledgedVersion + 1;
        if (traceParent is not null)
            headers.Add("traceparent", traceParent);

        using var call = federation.Push(headers);
        var batch = new ChangeBatch { OriginMemberId = origin, HeadVersion = version + lead };
        batch.Changes.Add(Practices.Published(originId, version, Practices.Digitallotsen(title)));
        await call.RequestStream.WriteAsync(batch);
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal(version, call.ResponseStream.Current.AcknowledgedVersion);
        await call.RequestStream.CompleteAsync();
        return version;
    }

    public void Dispose() => _channel.Dispose();
}
