using System.Text.Json;
using System.Text.Json.Serialization;
using Kommune20.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kommune20.Meetings.OParl;

/// <summary>
/// The association's assemblies as OParl 1.1 (oparl.org), the standard German council-information systems publish
/// their meetings in: read-only and public, from the System at <c>/oparl/v1.1</c> through the body's paginated lists
/// to each object at its own URL. Only invited assemblies appear.
/// </summary>
public static class OParlApi
{
    /// <summary>OParl leaves out what has no value rather than writing null; its schemas allow no nulls.</summary>
    static readonly JsonSerializerOptions Options = new(Json.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static RouteGroupBuilder MapOParlApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(OParlUrls.Prefix).WithTags("OParl").AllowAnonymous();
        // OParl requires every JSON answer to be readable by scripts of any origin.
        group.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.AccessControlAllowOrigin = "*";
            return await next(context);
        });
        group.MapGet("/", GetSystem);
        group.MapGet("/bodies", ListBodiesAsync);
        group.MapGet($"/bodies/{OParlUrls.BodyKey}", GetBodyAsync);
        group.MapGet($"/bodies/{OParlUrls.BodyKey}/{{kind}}", ListAsync);
        group.MapGet("/{kind}/{key}", GetAsync);
        return group;
    }

    static JsonHttpResult<object> Ok(object value) => TypedResults.Json(value, Options, "application/json; charset=utf-8");

    static JsonHttpResult<object> GetSystem(HttpRequest request)
    {
        var urls = OParlUrls.For(request);
        return Ok(new OParlSystem(urls.System, urls.Bodies, "Kommune 2.0 e. V.: Mitgliederversammlungen", urls.Site));
    }

    static async Task<Results<JsonHttpResult<object>, ValidationProblem>> ListBodiesAsync(
        HttpRequest request, OParlCatalog catalog, CancellationToken ct)
    {
        var (query, errors) = OParlListQuery.Parse(request.Query);
        if (query is null)
            return TypedResults.ValidationProblem(errors);
        var urls = OParlUrls.For(request);
        return Ok(query.PageOf([await BodyAsync(urls, catalog, ct)], urls.Bodies, request.Query));
    }

    static async Task<JsonHttpResult<object>> GetBodyAsync(HttpRequest request, OParlCatalog catalog, CancellationToken ct) =>
        Ok(await BodyAsync(OParlUrls.For(request), catalog, ct));

    static async Task<Results<JsonHttpResult<object>, ValidationProblem, NotFound>> ListAsync(
        string kind, HttpRequest request, OParlCatalog catalog, CancellationToken ct)
    {
        var (query, errors) = OParlListQuery.Parse(request.Query);
        if (query is null)
            return TypedResults.ValidationProblem(errors);
        var urls = OParlUrls.For(request);
        var objects = (await catalog.LoadAsync(urls, ct)).OfKind(kind);
        return objects is null ? TypedResults.NotFound() : Ok(query.PageOf(objects, urls.List(kind), request.Query));
    }

    static async Task<Results<JsonHttpResult<object>, NotFound>> GetAsync(
        string kind, string key, HttpRequest request, OParlCatalog catalog, CancellationToken ct)
    {
        var urls = OParlUrls.For(request);
        var id = urls.Object(kind, key);
        var found = (await catalog.LoadAsync(urls, ct)).OfKind(kind)?.FirstOrDefault(o => o.Id == id);
        return found is null ? TypedResults.NotFound() : Ok(found);
    }

    /// <summary>The association, created and last changed with its first and latest assembly.</summary>
    static async Task<OParlBody> BodyAsync(OParlUrls urls, OParlCatalog catalog, CancellationToken ct)
    {
        var meetings = (await catalog.LoadAsync(urls, ct)).Meetings;
        return new OParlBody(urls.Body, urls.System, "Kommune 2.0 e. V.", "Kommune 2.0", urls.Site, urls.List(OParlKinds.Organizations),
            urls.List(OParlKinds.People), urls.List(OParlKinds.Meetings), urls.List(OParlKinds.Papers),
            urls.List(OParlKinds.AgendaItems), urls.List(OParlKinds.Consultations), urls.List(OParlKinds.Files),
            urls.List(OParlKinds.Locations), meetings.Min(m => (DateTimeOffset?)m.Created), meetings.Max(m => (DateTimeOffset?)m.Modified));
    }
}
