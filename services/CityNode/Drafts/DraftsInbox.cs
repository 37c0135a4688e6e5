using System.Security.Cryptography;
using System.Text;
using Dapr;
using Kommune20.CityNode.Records;
using Kommune20.Contracts.Federation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kommune20.CityNode.Drafts;

/// <summary>
/// The node's CloudEvents subscription: the city's own systems (its CMS, its council information system) publish draft
/// practices to the topic "drafts" of the city's broker, and the Dapr sidecar delivers them here. A draft is kept in
/// the node and reaches the hub only when an editor publishes it. Without a sidecar nothing calls this endpoint.
/// Deliveries must carry the sidecar's app token (<c>APP_API_TOKEN</c>, in the node's environment too) in the
/// <c>dapr-api-token</c> header; others are refused with 401. Without a configured token every delivery is refused,
/// except in the demo (<c>Seed:DemoData=true</c>), whose nodes run without a sidecar.
/// </summary>
public static class DraftsInbox
{
    public const string PubSub = "city-inbox";
    public const string Topic = "drafts";

    /// <summary>A draft as the city's systems send it: the practice's id at the node and what is known so far.</summary>
    public sealed record PracticeDraft(string? Id, PracticeRecord? Practice);

    public static IEndpointRouteBuilder MapDraftsInbox(this WebApplication app)
    {
        app.UseCloudEvents();
        app.MapSubscribeHandler();
        var appToken = app.Configuration["APP_API_TOKEN"] is { Length: > 0 } token ? Encoding.UTF8.GetBytes(token) : null;
        var openInDemo = appToken is null && app.Configuration.GetValue("Seed:DemoData", false);
        app.MapPost("/dapr/drafts", ReceiveAsync).WithTopic(PubSub, Topic).AllowAnonymous().ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) =>
                openInDemo || CarriesToken(context.HttpContext.Request, appToken)
                    ? await next(context)
                    : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Nur der Dapr-Sidecar des Knotens darf Entwürfe einliefern."));
        return app;
    }

    /// <summary>Compares in constant time, so the answer's timing does not reveal how much of a guess was right.</summary>
    static bool CarriesToken(HttpRequest request, byte[]? appToken) =>
        appToken is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(request.Headers["dapr-api-token"].ToString()), appToken);

    static async Task<Results<Ok<NodeRecordDto<PracticeRecord>>, ValidationProblem, ProblemHttpResult>> ReceiveAsync(
        PracticeDraft draft, ChangeLog log, NodeSettings settings, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (RecordRules.OriginIdProblem(draft.Id) is { } idProblem)
            errors["id"] = [idProblem];
        if (string.IsNullOrWhiteSpace(draft.Practice?.Title))
            errors["practice.title"] = ["Ein Entwurf braucht mindestens einen Titel."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var practice = RecordDescriptors.Practice.Normalize(draft.Practice!);
        return await log.AddDraftAsync(settings.MemberId, RecordKind.Practice, draft.Id!, RecordBody.Write(practice), ct) is { } record
            ? TypedResults.Ok(NodeRecordDto<PracticeRecord>.From(record))
            : NodeProblems.Conflict("id", $"{draft.Id} gibt es im Knoten schon; ein eingelieferter Entwurf überschreibt nichts, Änderungen daran macht die Redaktion im Knoten.");
    }
}
