using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Kommune20.Meetings.Calendar;

/// <summary>
/// An iCalendar file as calendar clients fetch it: text/calendar in UTF-8, cacheable by anyone for a few minutes, with an
/// ETag of its content, so that a client polling with If-None-Match gets 304 and no body while nothing changed.
/// </summary>
public static class CalendarResponse
{
    public const string ContentType = "text/calendar; charset=utf-8";
    static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public static IResult Of(HttpContext context, string calendar, string fileName)
    {
        var body = Encoding.UTF8.GetBytes(calendar);
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = MaxAge };
        context.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
        var known = context.Request.GetTypedHeaders().IfNoneMatch;
        if (known.Any(tag => tag.Compare(etag, useStrongComparison: false) || tag.Equals(EntityTagHeaderValue.Any)))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(body, ContentType);
    }
}
