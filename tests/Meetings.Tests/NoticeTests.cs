using Kommune20.Meetings.Assemblies.Rules;

namespace Kommune20.Meetings.Tests;

public class NoticeTests
{
    static readonly DateTimeOffset Start = new(2027, 3, 19, 10, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void An_invitation_four_weeks_ahead_keeps_the_notice_period() =>
        Assert.Null(new Statutes { NoticeDays = 28 }.InvitationLateBy(Start.AddDays(-28), Start));

    [Fact]
    public void A_late_invitation_says_by_how_much()
    {
        var late = new Statutes { NoticeDays = 28 }.InvitationLateBy(Start.AddDays(-25).AddHours(-6), Start);

        Assert.Equal(TimeSpan.FromDays(2) + TimeSpan.FromHours(18), late);
    }

    [Fact]
    public void Motions_are_due_the_statutes_days_before_the_start() =>
        Assert.Equal(Start.AddDays(-14), new Statutes { MotionDeadlineDays = 14 }.MotionDeadline(Start));
}
