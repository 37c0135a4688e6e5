using Kommune20.Meetings.Documents;

namespace Kommune20.Meetings.Tests;

public class GermanTimeTests
{
    [Fact]
    public void A_time_on_Berlins_clock_is_stored_as_the_same_moment_in_UTC()
    {
        // Winter (UTC+1) and summer (UTC+2): the moment is Berlin's, the offset zero, which is all PostgreSQL stores.
        var winter = GermanTime.InBerlin(new DateOnly(2027, 3, 19), new TimeOnly(10, 0));
        var summer = GermanTime.InBerlin(new DateOnly(2027, 6, 18), new TimeOnly(10, 0));

        Assert.Equal(new DateTimeOffset(2027, 3, 19, 9, 0, 0, TimeSpan.Zero), winter);
        Assert.Equal(TimeSpan.Zero, winter.Offset);
        Assert.Equal(new DateTimeOffset(2027, 6, 18, 8, 0, 0, TimeSpan.Zero), summer);
        Assert.Equal("19. März 2027, 10:00 Uhr", GermanTime.DateAndTime(winter));
    }
}
