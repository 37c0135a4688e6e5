using Kommune20.ServiceDefaults.Security;

namespace Kommune20.Bench.Workloads;

/// <summary>
/// A client's access token from an issuer's <c>/connect/token</c> (the gateway's, or the Registry's directly), renewed as
/// a node renews it; all of the bench's clients fetch theirs over one HttpClient.
/// </summary>
public static class IssuedTokens
{
    static readonly HttpClient Http = new();

    public static ClientCredentialsToken Renewing(Uri issuer, string clientId, string secret) =>
        new(Http, new Uri(issuer, "connect/token"), clientId, _ => ValueTask.FromResult(secret), TimeProvider.System);
}
