using Kommune20.CityNode.Pages;

namespace Kommune20.CityNode.Tests;

public class SelfAddressTests
{
    [Theory]
    [InlineData("http://+:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://*:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://[::]:8080", "http://127.0.0.1:8080/")]
    [InlineData("https://+:8443/", "https://127.0.0.1:8443/")]
    public void A_wildcard_to_listen_on_is_called_on_loopback(string listen, string called) =>
        Assert.Equal(new Uri(called), SelfAddress.Of(listen));

    [Theory]
    [InlineData("http://127.0.0.1:5201")]
    [InlineData("http://localhost:5201")]
    [InlineData("http://node.heidelberg.example:8080")]
    public void A_named_host_is_called_as_it_is(string listen) =>
        Assert.Equal(new Uri(listen), SelfAddress.Of(listen));
}
