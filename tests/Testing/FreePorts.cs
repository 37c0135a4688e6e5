using System.Net;
using System.Net.Sockets;

namespace Kommune20.Testing;

public static class FreePorts
{
    // Below Linux's ephemeral range (32768–60999), from which the OS hands out the local ports of outgoing
    // connections: a port chosen there can be taken by any client socket before the service binds it.
    const int First = 20_000;
    const int Last = 32_000;

    // Test projects run side by side, each starting hubs: a port free now can be handed to two of them before either
    // service binds it (CI lost a gateway to "address already in use" so). A port handed out is claimed with a file in a
    // folder every test process shares. A claim outlives the wait for a service to bind and a test's restarts of it on
    // the same address; an older one is stale and the port may be handed out again.
    static readonly string Claims = Path.Combine(Path.GetTempPath(), "kommune20-ports");
    static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(20);

    /// <summary>
    /// A loopback port nobody listens on right now, outside the range the OS uses for outgoing connections, and handed
    /// to no other caller in this or another test process of the last minutes.
    /// </summary>
    public static int Next()
    {
        Directory.CreateDirectory(Claims);
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var port = Random.Shared.Next(First, Last);
            if (TryClaim(port) && IsFree(port))
                return port;
        }
        throw new InvalidOperationException($"No free unclaimed loopback port between {First} and {Last}.");
    }

    static bool TryClaim(int port)
    {
        var claim = Path.Combine(Claims, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (File.Exists(claim) && DateTime.UtcNow - File.GetLastWriteTimeUtc(claim) > ClaimLifetime)
            File.Delete(claim);
        try
        {
            using var _ = new FileStream(claim, FileMode.CreateNew, FileAccess.Write);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
