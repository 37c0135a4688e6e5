using Kommune20.Notifications.Digests;

namespace Kommune20.Notifications.Tests.Digests;

public class EmailTokensTests
{
    [Fact]
    public void Tokens_are_random_fit_into_a_link_and_are_stored_as_a_hash()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => EmailTokens.New()).ToList();

        Assert.Equal(100, tokens.Distinct().Count());
        Assert.All(tokens, token =>
        {
            Assert.Equal(43, token.Length);
            Assert.Equal(token, Uri.EscapeDataString(token));
            Assert.Matches("^[0-9a-f]{64}$", EmailTokens.Hash(token));
            Assert.DoesNotContain(token, EmailTokens.Hash(token));
        });
        Assert.Equal(EmailTokens.Hash(tokens[0]), EmailTokens.Hash(tokens[0]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_link_without_a_token_has_none(string? token) => Assert.Null(EmailTokens.Read(token));

    [Fact]
    public void A_token_longer_than_any_the_service_makes_is_none() => Assert.Null(EmailTokens.Read(new string('a', EmailTokens.MaxLength + 1)));
}
