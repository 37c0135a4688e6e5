using System.Net;

namespace Kommune20.Bench.Load;

/// <summary>
/// Distinct loopback source addresses for load that must come from many callers: Linux routes all of 127.0.0.0/8 to
/// the loopback interface without setup, so a socket bound to 127.1.0.7 reaches a server on 127.0.0.1, which sees
/// 127.1.0.7 as the caller's address, as it sees each visitor's address in production.
/// </summary>
public static class LoopbackSources
{
    /// <summary>127.1.0.1 to 127.1.255.254: the hub's own 127.0.0.1 is never among them, nor an address ending in .0 or .255.</summary>
    public const int Most = 256 * 254;

    public static IPAddress Address(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Most);
        return new IPAddress([127, 1, (byte)(index / 254), (byte)(index % 254 + 1)]);
    }
}
