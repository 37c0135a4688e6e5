using System.Net;
using System.Net.Sockets;

namespace Kommune20.Testing;

public static class FreePorts
{
    // Below Linux's ephemeral range (32768–60999), from which the OS hands out the local ports of outgoing
    // connections: a port chosen there can be taken by any client socket before the service binds it.
    const int First = 20_000;
    const int Last = 32_000;

    /// <summary>A loopback port nobody listens on right now, outside the range the OS uses for outgoing connections.</summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(First, Last);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken; try another.
            }
        }
        throw new InvalidOperationException($"No free loopback port between {First} and {Last}.");
    }
}
