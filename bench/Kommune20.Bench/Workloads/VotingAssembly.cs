using System.Net.Http.Headers;
using System.Text.Json;
using Kommune20.Bench.Measuring;

namespace Kommune20.Bench.Workloads;

/// <summary>
/// A general assembly set up for the votes benchmark through the gateway, as the office runs one: created five weeks
/// ahead (within the statutes' notice), an agenda item with a motion per vote, the invitation; at the door the office
/// names each delegate for its member and checks it in; then it opens and closes the votes.
/// </summary>
public sealed class VotingAssembly : IDisposable
{
    readonly HttpClient _office;

    VotingAssembly(HttpClient office, Guid id, IReadOnlyList<Guid> motions)
    {
        _office = office;
        Id = id;
        Motions = motions;
    }

    public Guid Id { get; }

    /// <summary>The motions, one for each vote the scenario takes.</summary>
    public IReadOnlyList<Guid> Motions { get; }

    public static async Task<VotingAssembly> CreateAsync(Uri gateway, string officeToken, int motions, CancellationToken cancellationToken)
    {
        var office = new HttpClient { BaseAddress = gateway };
        office.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", officeToken);
        var startsAt = DateTimeOffset.UtcNow.AddDays(35);
        var assembly = await IdOf(JsonRequests.PostAsync(office, "/api/meetings/assemblies", new
        {
            title = "Lasttest: Mitgliederversammlung",
            startsAt,
            endsAt = startsAt.AddHours(6),
            place = "Freiburg im Breisgau",
            chair = "Versammlungsleitung",
            minuteTaker = "Protokollführung",
        }, cancellationToken));
        var filed = new List<Guid>();
        for (var i = 1; i <= motions; i++)
        {
            var motion = await IdOf(JsonRequests.PostAsync(office, $"/api/meetings/assemblies/{assembly}/motions", new
            {
                title = $"Beschluss {i}",
                text = $"Die Versammlung beschließt den Punkt {i}.",
                kind = "resolution",
            }, cancellationToken));
            await JsonRequests.PostAsync(office, $"/api/meetings/assemblies/{assembly}/agenda", new { title = $"Punkt {i}", motionId = motion }, cancellationToken);
            filed.Add(motion);
        }
        await JsonRequests.PostAsync(office, $"/api/meetings/assemblies/{assembly}/invitation", null, cancellationToken);
        return new VotingAssembly(office, assembly, filed);
    }

    /// <summary>The office names each delegate for its member at the door and checks it in.</summary>
    public async Task CheckInAsync(IReadOnlyList<SimulatedDelegate> delegates, int parallelism, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(delegates, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (person, ct) =>
            {
                var named = await JsonRequests.PostAsync(_office, $"/api/meetings/assemblies/{Id}/delegates",
                    new { memberId = person.MemberId, personId = person.PersonId.ToString(), name = person.Name }, ct);
                await JsonRequests.PostAsync(_office, $"/api/meetings/assemblies/{Id}/delegates/{named.GetProperty("id").GetGuid()}/check-in", null, ct);
            });

    /// <summary>The live quorum: voting members, present, and whether it is reached.</summary>
    public async Task<(int VotingMembers, int Present, bool Reached)> QuorumAsync(CancellationToken cancellationToken)
    {
        var quorum = JsonDocument.Parse(await _office.GetStringAsync($"/api/meetings/assemblies/{Id}/quorum", cancellationToken)).RootElement;
        return (quorum.GetProperty("votingMembers").GetInt32(), quorum.GetProperty("present").GetInt32(), quorum.GetProperty("reached").GetBoolean());
    }

    /// <summary>Opens an open (not secret) vote on the motion; the roll freezes.</summary>
    public Task<Guid> OpenVoteAsync(Guid motion, CancellationToken cancellationToken) =>
        IdOf(JsonRequests.PostAsync(_office, $"/api/meetings/assemblies/{Id}/votes", new { motionId = motion, secret = false }, cancellationToken));

    /// <summary>Closes the vote and returns its count, taken once.</summary>
    public async Task<ClosedTally> CloseAsync(Guid vote, CancellationToken cancellationToken)
    {
        var closed = await JsonRequests.PostAsync(_office, $"/api/meetings/votes/{vote}/close", null, cancellationToken);
        return new ClosedTally(closed.GetProperty("yes").GetInt32(), closed.GetProperty("no").GetInt32(), closed.GetProperty("abstain").GetInt32());
    }

    static async Task<Guid> IdOf(Task<JsonElement> created) => (await created).GetProperty("id").GetGuid();

    public void Dispose() => _office.Dispose();
}
