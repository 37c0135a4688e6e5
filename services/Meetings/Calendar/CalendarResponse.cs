using System.Security.Cryptography;
using System.Text;
using Kommune20.ServiceDefaults;
using Microsoft.Net.Http.Headers;

namespace Kommune20.Meetings.Calendar;

/// <summary>
/// An iCalendar file as calendar clients fetch it: text/calendar in UTF-8 with an ETag of its content, answered as every
/// polled document is (<see cref="PolledDocuments"/>).
/// </summary>
public static class CalendarResponse
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static IResult Of(HttpContext context, string calendar, string fileName)
    {
        var body = Encoding.UTF8.GetBytes(calendar);
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");
        context.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
        return PolledDocuments.ReaderHas(context, etag) ? PolledDocuments.NotModified() : TypedResults.Bytes(body, ContentType);
    }
}
