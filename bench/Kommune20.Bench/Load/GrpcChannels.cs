using Grpc.Net.Client;

namespace Kommune20.Bench.Load;

/// <summary>A cleartext HTTP/2 channel that opens further connections when one connection's concurrent streams (100 at Kestrel) are in use.</summary>
public static class GrpcChannels
{
    public static GrpcChannel Open(Uri address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
    });
}
