using Kommune20.Federation.Provenance;
using Microsoft.Extensions.Time.Testing;

namespace Kommune20.Federation.Tests;

public sealed class ProvenanceCheckTests
{
    /// <summary>The Registry's relay consent as recorded in its seed (Metropolregion may relay for Heidelberg), counting questions.</summary>
    sealed class SeededRegister : IRelayRegister
    {
        public int Questions { get; private set; }
        public bool HeidelbergConsents { get; set; } = true;

        public Task<bool> MayRelayAsync(Guid network, Guid member, CancellationToken cancellationToken)
        {
            Questions++;
            return Task.FromResult(HeidelbergConsents && network == Samples.Metropolregion && member == Samples.Heidelberg);
        }
    }

    [Fact]
    public async Task A_city_may_deliver_its_own_records_without_asking_the_registry()
    {
        var register = new SeededRegister();
        var check = new ProvenanceCheck(register, TimeProvider.System);

        Assert.True(await check.MayDeliverAsync(Samples.Heidelberg, Samples.Heidelberg, default));
        Assert.Equal(0, register.Questions);
    }

    [Fact]
    public async Task Another_city_may_not_deliver_a_citys_records()
    {
        var check = new ProvenanceCheck(new SeededRegister(), TimeProvider.System);

        Assert.False(await check.MayDeliverAsync(Samples.Pforzheim, Samples.Heidelberg, default));
    }

    [Fact]
    public async Task A_network_relays_only_where_the_registry_allows_asked_every_time_and_only_a_refusal_is_remembered()
    {
        var register = new SeededRegister();
        var check = new ProvenanceCheck(register, TimeProvider.System);

        Assert.True(await check.MayDeliverAsync(Samples.Metropolregion, Samples.Heidelberg, default));
        Assert.True(await check.MayDeliverAsync(Samples.Metropolregion, Samples.Heidelberg, default));
        Assert.False(await check.MayDeliverAsync(Samples.Metropolregion, Samples.Pforzheim, default));
        Assert.False(await check.MayDeliverAsync(Samples.Metropolregion, Samples.Pforzheim, default));
        Assert.Equal(3, register.Questions);
    }

    [Fact]
    public async Task A_withdrawn_consent_refuses_the_very_next_batch()
    {
        var register = new SeededRegister();
        var check = new ProvenanceCheck(register, new FakeTimeProvider());
        Assert.True(await check.MayDeliverAsync(Samples.Metropolregion, Samples.Heidelberg, default));

        register.HeidelbergConsents = false;

        Assert.False(await check.MayDeliverAsync(Samples.Metropolregion, Samples.Heidelberg, default));
    }

    [Fact]
    public async Task A_consent_given_again_counts_once_the_remembered_refusal_expires()
    {
        var register = new SeededRegister { HeidelbergConsents = false };
        var clock = new FakeTimeProvider();
        var check = new ProvenanceCheck(register, clock, rememberFor: TimeSpan.FromSeconds(1));
        Assert.False(await check.MayDeliverAsync(Samples.Metropolregion, Samples.Heidelberg, default));

        register.HeidelbergConsents = true;
        Assert.False(await check.MayDeliverAsync(Samples.Metropolregion, Samples.Heidelberg, default));
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(await check.MayDeliverAsync(Samples.Metropolregion, Samples.Heidelberg, default));
    }

    [Fact]
    public async Task The_remembered_refusals_are_bounded_and_a_full_cache_asks_again_rather_than_grow()
    {
        var register = new SeededRegister();
        var check = new ProvenanceCheck(register, TimeProvider.System, capacity: 2);

        Assert.False(await check.MayDeliverAsync(Samples.Metropolregion, Samples.Pforzheim, default));
        Assert.False(await check.MayDeliverAsync(Samples.Pforzheim, Samples.Heidelberg, default));
        Assert.False(await check.MayDeliverAsync(Samples.Pforzheim, Samples.Metropolregion, default));
        Assert.False(await check.MayDeliverAsync(Samples.Pforzheim, Samples.Metropolregion, default));
        Assert.False(await check.MayDeliverAsync(Samples.Metropolregion, Samples.Pforzheim, default));

        Assert.Equal(4, register.Questions);
    }
}
