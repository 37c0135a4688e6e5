namespace Kommune20.Meetings.OParl;

/// <summary>
/// Every OParl id is an absolute URL a client can call. Behind the gateway the request's scheme and host are the
/// gateway's (the forwarded headers), so the ids name the public address, not the service's own port.
/// </summary>
public sealed class OParlUrls(string site)
{
    public const string Prefix = "/oparl/v1.1";
    public const string BodyKey = "kommune20";

    public static OParlUrls For(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}");

    /// <summary>The public root ("http://localhost:8080/"), where the portal and the APIs are.</summary>
    public string Site => $"{site}/";
    public string System => $"{site}{Prefix}";
    public string Bodies => $"{System}/bodies";
    public string Body => $"{Bodies}/{BodyKey}";
    public string List(string kind) => $"{Body}/{kind}";
    public string Object(string kind, string key) => $"{System}/{kind}/{key}";
    public string Object(string kind, Guid key) => Object(kind, key.ToString());
}
