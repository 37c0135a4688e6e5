using System.Text.RegularExpressions;

namespace Kommune20.CityNode.Pages;

/// <summary>
/// Where the node's pages call the node's own API: the HTTP endpoint Kestrel listens on, with a wildcard host
/// ("http://+:8080" in a container) replaced by loopback, since a wildcard is an address to listen on, not to call.
/// </summary>
public static partial class SelfAddress
{
    public static Uri Of(string listenUrl) => new(Wildcard().Replace(listenUrl, "${scheme}://127.0.0.1"));

    [GeneratedRegex(@"^(?<scheme>https?)://(\+|\*|0\.0\.0\.0|\[::\])(?=[:/]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Wildcard();
}
