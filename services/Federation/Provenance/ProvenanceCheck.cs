using System.Collections.Concurrent;

namespace Kommune20.Federation.Provenance;

/// <summary>
/// Whether a caller may deliver records of an origin: a city always for itself; a network (a region, a digital hub)
/// for a member city only while the Registry says the city belongs to it and allowed the relay.
/// A consent is asked for every relayed batch, never remembered: the Registry answers from its in-memory register,
/// which its own commit discards before NetworksApi answers, so a withdrawn consent refuses the very next batch, with
/// no window and no race against the <c>NetworkMembershipChanged</c> event (which would arrive some time after the write).
/// Only a refusal is remembered, for <paramref name="rememberFor"/> (<see cref="DefaultRememberFor"/>, 30 s; the tests
/// shorten it), so that a caller without consent cannot make every batch a question to the Registry; a consent newly
/// given thus counts within that time. At most <paramref name="capacity"/> refusals are remembered: callers naming ever
/// new origins cannot grow the cache; when it is full, expired ones are dropped, and one that still finds no room is
/// asked for again next time.
/// </summary>
public sealed class ProvenanceCheck(IRelayRegister register, TimeProvider clock, TimeSpan? rememberFor = null, int capacity = ProvenanceCheck.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;
    public static readonly TimeSpan DefaultRememberFor = TimeSpan.FromSeconds(30);
    readonly TimeSpan _rememberFor = rememberFor ?? DefaultRememberFor;
    readonly ConcurrentDictionary<(Guid Network, Guid Member), DateTimeOffset> _refusedUntil = new();

    public async ValueTask<bool> MayDeliverAsync(Guid caller, Guid origin, CancellationToken cancellationToken)
    {
        if (caller == origin)
            return true;
        var now = clock.GetUtcNow();
        if (_refusedUntil.TryGetValue((caller, origin), out var until) && until > now)
            return false;
        var allowed = await register.MayRelayAsync(caller, origin, cancellationToken);
        if (allowed)
            _refusedUntil.TryRemove((caller, origin), out _);
        else
            RememberRefusal((caller, origin), now + _rememberFor, now);
        return allowed;
    }

    void RememberRefusal((Guid, Guid) key, DateTimeOffset until, DateTimeOffset now)
    {
        if (_refusedUntil.Count >= capacity && !_refusedUntil.ContainsKey(key))
        {
            foreach (var (expiredKey, expired) in _refusedUntil)
            {
                if (expired <= now)
                    _refusedUntil.TryRemove(expiredKey, out _);
            }
            if (_refusedUntil.Count >= capacity)
                return;
        }
        _refusedUntil[key] = until;
    }
}
