namespace Kommune20.Federation.Provenance;

/// <summary>The Registry's answer whether <paramref name="network"/> may relay records of <paramref name="member"/>.</summary>
public interface IRelayRegister
{
    Task<bool> MayRelayAsync(Guid network, Guid member, CancellationToken cancellationToken);
}
