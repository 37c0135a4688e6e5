using Kommune20.Bench.Measuring;

namespace Kommune20.Bench.Tests;

/// <summary>Issue 19's method: subject and baseline in turns, the median of the pairs with its spread, errors fail a goal.</summary>
public sealed class HonestMethodTests
{
    [Fact]
    public async Task Subject_and_baseline_are_measured_in_turns()
    {
        var order = new List<string>();

        var pairs = await AlternatingPairs.RunAsync(3,
            pair => Task.FromResult(Taken(order, $"A{pair}")),
            pair => Task.FromResult(Taken(order, $"B{pair}")));

        Assert.Equal(["A0", "B0", "A1", "B1", "A2", "B2"], order);
        Assert.Equal([("A0", "B0"), ("A1", "B1"), ("A2", "B2")], pairs);
    }

    [Fact]
    public async Task No_pair_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => AlternatingPairs.RunAsync(0, _ => Task.FromResult(1), _ => Task.FromResult(2)));
    }

    [Fact]
    public void The_median_of_the_pairs_decides_and_the_spread_is_reported()
    {
        var check = Check.OfPairs("ratio", [0.71, 0.64, 0.69], "", GoalDirection.AtLeast, 0.55);

        Assert.Equal((0.69, 0.07), (check.Value, Math.Round(check.Spread, 10)));
        Assert.Equal(Verdict.Met, check.Verdict);
        Assert.Equal("0.690 (median of 3 pairs, 0.640–0.710)", check.Measured);
        Assert.Equal(0.65, Check.OfPairs("even", [0.6, 0.7, 0.8, 0.5], "", GoalDirection.AtLeast, 0.1).Value, 10);
    }

    [Theory]
    [InlineData(new[] { 0.50, 0.62, 0.58 }, GoalDirection.AtLeast, 0.55, Verdict.Inconclusive)]
    [InlineData(new[] { 0.50, 0.52, 0.51 }, GoalDirection.AtLeast, 0.55, Verdict.Missed)]
    [InlineData(new[] { 0.20, 0.35, 0.25 }, GoalDirection.Under, 0.30, Verdict.Inconclusive)]
    [InlineData(new[] { 0.20, 0.22, 0.25 }, GoalDirection.Under, 0.30, Verdict.Met)]
    public void Pairs_that_spread_wider_than_their_distance_to_the_goal_are_inconclusive(double[] samples, GoalDirection direction, double limit, Verdict verdict)
    {
        var check = Check.OfPairs("goal", samples, "", direction, limit);

        Assert.Equal(verdict, check.Verdict);
        Assert.Equal(verdict == Verdict.Met, check.Met);
    }

    [Fact]
    public void Errors_fail_a_goal_whatever_the_figure()
    {
        var check = Check.OfPairs("ratio", [0.9, 0.91, 0.9], "", GoalDirection.AtLeast, 0.55, errors: 3);

        Assert.Equal(Verdict.Missed, check.Verdict);
        Assert.Equal("**missed**", check.Outcome);
        Assert.EndsWith(", 3 errors", check.Measured);
    }

    [Fact]
    public void Repeated_runs_against_an_absolute_goal_are_judged_like_pairs_and_named_runs()
    {
        var check = Check.OfRuns("p99", [180, 240, 200], "ms", GoalDirection.Under, 250);

        Assert.Equal((200, 60), (check.Value, check.Spread));
        Assert.Equal(Verdict.Inconclusive, check.Verdict);
        Assert.Equal("200 ms (median of 3 runs, 180–240)", check.Measured);
        Assert.NotEqual(Check.OfPairs("p99", [180, 240, 200], "ms", GoalDirection.Under, 250), check);
    }

    static string Taken(List<string> order, string name)
    {
        order.Add(name);
        return name;
    }
}
