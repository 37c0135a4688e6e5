using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Kommune20.ServiceDefaults;

/// <summary>
/// A public document that readers poll (a calendar, a feed): cacheable by anyone for a few minutes, with its ETag, so that a
/// reader sending the ETag back in If-None-Match gets 304 and no body while nothing changed.
/// </summary>
public static class PolledDocuments
{
    static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>Sets the caching headers for <paramref name="etag"/>; true when the reader already has this version (answer <see cref="NotModified"/>).</summary>
    public static bool ReaderHas(HttpContext context, EntityTagHeaderValue etag)
    {
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = MaxAge };
        return context.Request.GetTypedHeaders().IfNoneMatch
            .Any(known => known.Equals(EntityTagHeaderValue.Any) || known.Compare(etag, useStrongComparison: false));
    }

    public static StatusCodeHttpResult NotModified() => TypedResults.StatusCode(StatusCodes.Status304NotModified);
}
