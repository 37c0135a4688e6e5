using Microsoft.Net.Http.Headers;

namespace Kommune20.Notifications.Feeds;

/// <summary>
/// A feed as readers poll it: Atom in UTF-8, cacheable by anyone for a few minutes, with the selection's ETag, so that a reader
/// sending it back in If-None-Match gets 304 without the feed being read from the database or written.
/// </summary>
public static class FeedResponse
{
    static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>Sets the caching headers; true when the reader already has this version (answer 304).</summary>
    public static bool IsKnown(HttpContext context, string etag)
    {
        var tag = new EntityTagHeaderValue(etag);
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = tag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = MaxAge };
        return context.Request.GetTypedHeaders().IfNoneMatch.Any(known => known.Equals(EntityTagHeaderValue.Any) || known.Compare(tag, useStrongComparison: false));
    }

    public static IResult NotModified() => TypedResults.StatusCode(StatusCodes.Status304NotModified);

    public static IResult Of(byte[] feed) => TypedResults.Bytes(feed, AtomFeed.ContentType);
}
