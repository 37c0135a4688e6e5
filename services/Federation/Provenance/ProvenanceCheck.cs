using System.Collections.Concurrent;

namespace Kommune20.Federation.Provenance;

/// <summary>
/// Whether a caller may deliver records of an origin: a city always for itself; a network (a region, a digital hub)
/// for a member city only while the Registry says the city belongs to it and allowed the relay. The Registry's answer
/// is remembered for <paramref name="rememberFor"/> (<see cref="DefaultRememberFor"/>, 30 s; the tests shorten it), so a
/// withdrawn consent takes effect within that time. At most
/// <paramref name="capacity"/> answers are remembered: callers naming ever new origins cannot grow the cache; when it is
/// full, expired answers are dropped, and a new answer that still finds no room is asked for again next time.
/// </summary>
public sealed class ProvenanceCheck(IRelayRegister register, TimeProvider clock, TimeSpan? rememberFor = null, int capacity = ProvenanceCheck.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;
    public static readonly TimeSpan DefaultRememberFor = TimeSpan.FromSeconds(30);
    readonly TimeSpan _rememberFor = rememberFor ?? DefaultRememberFor;
    readonly ConcurrentDictionary<(Guid Network, Guid Member), (bool Allowed, DateTimeOffset Until)> _answers = new();

    public async ValueTask<bool> MayDeliverAsync(Guid caller, Guid origin, CancellationToken cancellationToken)
    {
        if (caller == origin)
            return true;
        var now = clock.GetUtcNow();
        if (_answers.TryGetValue((caller, origin), out var known) && known.Until > now)
            return known.Allowed;
        var allowed = await register.MayRelayAsync(caller, origin, cancellationToken);
        Remember((caller, origin), (allowed, now + _rememberFor), now);
        return allowed;
    }

    void Remember((Guid, Guid) key, (bool, DateTimeOffset Until) answer, DateTimeOffset now)
    {
        if (_answers.Count >= capacity && !_answers.ContainsKey(key))
        {
            foreach (var (expiredKey, expired) in _answers)
            {
                if (expired.Until <= now)
                    _answers.TryRemove(expiredKey, out _);
            }
            if (_answers.Count >= capacity)
                return;
        }
        _answers[key] = answer;
    }
}
