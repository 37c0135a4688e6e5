using System.Net;
using System.Net.Sockets;

namespace Kommune20.Notifications.Webhooks;

/// <summary>
/// Whether an address is one of the public internet's, the only kind a webhook may reach: not this machine, not a private or
/// carrier network, not link-local (the cloud's metadata service at 169.254.169.254), not multicast, broadcast or reserved.
/// An IPv6 address that carries an IPv4 address (mapped <c>::ffff:a.b.c.d</c>, compatible, NAT64 <c>64:ff9b::/96</c>, 6to4
/// <c>2002::/16</c>) is judged by the IPv4 address it leads to.
/// </summary>
public static class PublicAddresses
{
    static readonly IPNetwork[] NotPublicV4 = Networks(
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
        "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4",
        "240.0.0.0/4");

    static readonly IPNetwork[] NotPublicV6 = Networks(
        "::/128", "::1/128", "100::/64", "64:ff9b:1::/48", "2001::/32", "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10",
        "ff00::/8");

    static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    static readonly IPNetwork Compatible = IPNetwork.Parse("::/96");

    public static bool IsPublic(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
            return !NotPublicV4.Any(network => network.Contains(address));
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return false;
        if (address.IsIPv4MappedToIPv6)
            return IsPublic(address.MapToIPv4());
        if (CarriedIPv4(address) is { } carried)
            return IsPublic(carried);
        return !NotPublicV6.Any(network => network.Contains(address));
    }

    /// <summary>The IPv4 address inside a NAT64, 6to4 or IPv4-compatible address; null for any other.</summary>
    static IPAddress? CarriedIPv4(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address) || (Compatible.Contains(address) && !NotPublicV6.Any(network => network.Contains(address))))
            return new IPAddress(bytes[12..16]);
        if (SixToFour.Contains(address))
            return new IPAddress(bytes[2..6]);
        return null;
    }

    static IPNetwork[] Networks(params string[] ranges) => ranges.Select(range => IPNetwork.Parse(range)).ToArray();
}
