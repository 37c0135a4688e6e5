using System.Net;
using Kommune20.Notifications.Webhooks;

namespace Kommune20.Notifications.Tests;

public class PublicAddressesTests
{
    [Theory]
    [InlineData("169.254.169.254")]    // the cloud's metadata service
    [InlineData("10.0.0.1")]
    [InlineData("172.16.5.4")]
    [InlineData("192.168.1.1")]
    [InlineData("127.0.0.1")]
    [InlineData("100.64.0.1")]          // carrier-grade NAT
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("::ffff:127.0.0.1")]    // IPv4-mapped: judged by 127.0.0.1
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::127.0.0.1")]         // IPv4-compatible
    [InlineData("64:ff9b::a00:1")]      // NAT64 of 10.0.0.1
    [InlineData("2002:a00:1::1")]       // 6to4 of 10.0.0.1
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    [InlineData("2001:db8::1")]
    public void An_internal_address_is_not_public(string address) => Assert.False(PublicAddresses.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")]          // just outside 172.16/12
    [InlineData("2a00:1450:4001:80b::200e")]
    [InlineData("::ffff:93.184.216.34")]
    [InlineData("64:ff9b::5db8:d822")]  // NAT64 of 93.184.216.34
    public void A_public_address_is_public(string address) => Assert.True(PublicAddresses.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://2130706433/")]   // decimal
    [InlineData("http://0x7f.1/")]       // hexadecimal, shortened
    [InlineData("http://017700000001/")] // octal
    [InlineData("http://127.1/")]
    public void Decimal_octal_and_hex_spellings_are_judged_by_the_address_they_mean(string url)
    {
        var host = new Uri(url).Host;

        Assert.Equal("127.0.0.1", host);
        Assert.False(PublicAddresses.IsPublic(IPAddress.Parse(host)));
    }
}
