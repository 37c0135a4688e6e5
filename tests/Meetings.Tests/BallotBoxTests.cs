using Kommune20.Meetings.Data;
using Kommune20.Meetings.Votes;
using Kommune20.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.Meetings.Tests;

/// <summary>
/// The ballot box writes the ballots that wait together (group commit): many at once all count, once per member, a later
/// ballot changes an earlier one even in the same group, a secret ballot is changed only with its receipt, and a closed
/// or unknown vote takes none.
/// </summary>
public sealed class BallotBoxTests : IAsyncLifetime
{
    readonly IsolatedService<Program> _meetings = new("meetings");
    AsyncServiceScope _scope;
    MeetingsDb _db = null!;
    BallotBox _box = null!;

    public Task InitializeAsync()
    {
        _scope = _meetings.Services.CreateAsyncScope();
        _db = _scope.ServiceProvider.GetRequiredService<MeetingsDb>();
        _box = _meetings.Services.GetRequiredService<BallotBox>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _meetings.DisposeAsync();
    }

    async Task<Guid> OpenVoteAsync(bool secret = false, bool closed = false)
    {
        var vote = new Vote
        {
            Id = Guid.NewGuid(),
            AssemblyId = Guid.NewGuid(),
            MotionId = Guid.NewGuid(),
            Secret = secret,
            OpenedAt = DateTimeOffset.UtcNow,
            ClosedAt = closed ? DateTimeOffset.UtcNow : null,
        };
        _db.Votes.Add(vote);
        await _db.SaveChangesAsync();
        return vote.Id;
    }

    Task<BallotOutcome> CastAsync(Guid vote, Guid member, Choice choice, string? receipt = null) =>
        _box.CastAsync(new BallotRequest(vote, member, choice, "delegate", receipt), CancellationToken.None);

    [Fact]
    public async Task Hundreds_of_ballots_at_once_each_count_once_and_the_later_of_two_for_a_member_is_kept()
    {
        var vote = await OpenVoteAsync();
        var members = Enumerable.Range(0, 300).Select(_ => Guid.NewGuid()).ToList();

        // Two ballots per member handed in back to back, all 600 at once: they wait together, and the second one counts.
        var outcomes = await Task.WhenAll(members.SelectMany(member => new[] { CastAsync(vote, member, Choice.Yes), CastAsync(vote, member, Choice.No) }));

        Assert.All(outcomes, outcome => Assert.IsType<BallotOutcome.Accepted>(outcome));
        var stored = await _db.Ballots.AsNoTracking().Where(b => b.VoteId == vote).ToListAsync();
        Assert.Equal(members.Order(), stored.Select(b => b.MemberId).Order());
        Assert.All(stored, ballot => Assert.Equal(Choice.No, ballot.Choice));

        // A change later still counts once.
        Assert.IsType<BallotOutcome.Accepted>(await CastAsync(vote, members[0], Choice.Abstain));
        Assert.Equal(300, await _db.Ballots.CountAsync(b => b.VoteId == vote));
        Assert.Equal(Choice.Abstain, (await _db.Ballots.AsNoTracking().SingleAsync(b => b.VoteId == vote && b.MemberId == members[0])).Choice);
    }

    [Fact]
    public async Task A_secret_ballot_is_changed_only_with_its_receipt_and_nothing_links_it_to_the_member()
    {
        var vote = await OpenVoteAsync(secret: true);
        var member = Guid.NewGuid();

        var first = Assert.IsType<BallotOutcome.Accepted>(await CastAsync(vote, member, Choice.Yes));
        Assert.NotNull(first.Receipt);
        Assert.IsType<BallotOutcome.AlreadyCast>(await CastAsync(vote, member, Choice.No));
        Assert.IsType<BallotOutcome.AlreadyCast>(await CastAsync(vote, member, Choice.No, "AAAAA-BBBBB-CCCCC"));
        var changed = Assert.IsType<BallotOutcome.Accepted>(await CastAsync(vote, member, Choice.No, first.Receipt!.ToLowerInvariant().Replace("-", " ")));
        Assert.Equal(first.Receipt, changed.Receipt);

        var ballot = Assert.Single(await _db.SecretBallots.AsNoTracking().Where(b => b.VoteId == vote).ToListAsync());
        Assert.Equal((first.Receipt, Choice.No), (ballot.ReceiptCode, ballot.Choice));
        Assert.Equal(member, Assert.Single(await _db.BallotsCast.AsNoTracking().Where(c => c.VoteId == vote).ToListAsync()).MemberId);
    }

    [Fact]
    public async Task A_closed_or_unknown_vote_takes_no_ballot()
    {
        var closed = await OpenVoteAsync(closed: true);

        Assert.IsType<BallotOutcome.VoteClosed>(await CastAsync(closed, Guid.NewGuid(), Choice.Yes));
        Assert.IsType<BallotOutcome.VoteNotFound>(await CastAsync(Guid.NewGuid(), Guid.NewGuid(), Choice.Yes));
        Assert.Equal(0, await _db.Ballots.CountAsync(b => b.VoteId == closed));
    }
}
