using Kommune20.Meetings.Exchange.Guests;

namespace Kommune20.Meetings.Tests;

/// <summary>The join code guests type and the name they may give.</summary>
public sealed class JoinCodeTests
{
    [Fact]
    public void A_new_code_is_two_groups_of_four_without_look_alikes_and_rarely_the_same()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => JoinCode.New()).ToList();

        Assert.All(codes, code => Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", code));
        Assert.All(codes, code => Assert.DoesNotContain(code, c => "01OIL".Contains(c)));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [InlineData("K7MQ-4XPA", "K7MQ-4XPA")]
    [InlineData("k7mq4xpa", "K7MQ-4XPA")]
    [InlineData(" K7 MQ - 4X PA ", "K7MQ-4XPA")]
    [InlineData("K7MQ-4XP", null)]
    [InlineData("K7MQ-4XPAB", null)]
    [InlineData("K7MO-4XPA", null)]
    [InlineData("K7M1-4XPA", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void What_a_guest_types_becomes_the_code_or_nothing(string? typed, string? code) =>
        Assert.Equal(code, JoinCode.Normalize(typed));

    [Theory]
    [InlineData(null, "Gast")]
    [InlineData("  ", "Gast")]
    [InlineData(" Anna ", "Anna")]
    public void A_guest_is_called_what_they_chose_or_Gast(string? given, string name) => Assert.Equal(name, GuestPasses.DisplayName(given));

    [Fact]
    public void A_name_longer_than_allowed_is_refused() => Assert.Null(GuestPasses.DisplayName(new string('x', GuestPasses.MaxNameLength + 1)));
}
