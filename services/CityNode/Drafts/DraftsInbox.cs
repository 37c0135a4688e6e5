using Dapr;
using Kommune20.CityNode.Data;
using Kommune20.CityNode.Records;
using Kommune20.Contracts.Federation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.CityNode.Drafts;

/// <summary>
/// The node's CloudEvents subscription: the city's own systems (its CMS, its council information system) publish draft
/// practices to the topic "drafts" of the city's broker, and the Dapr sidecar delivers them here. A draft is kept in
/// the node and reaches the hub only when an editor publishes it. Without a sidecar nothing calls this endpoint.
/// When the sidecar is given an app token (<c>APP_API_TOKEN</c>, in the node's environment too), deliveries must carry
/// it in the <c>dapr-api-token</c> header; others are refused with 401.
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
        var appToken = app.Configuration["APP_API_TOKEN"];
        app.MapPost("/dapr/drafts", ReceiveAsync).WithTopic(PubSub, Topic).AllowAnonymous().ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) =>
                string.IsNullOrEmpty(appToken) || context.HttpContext.Request.Headers["dapr-api-token"] == appToken
                    ? await next(context)
                    : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Nur der Dapr-Sidecar des Knotens darf Entwürfe einliefern."));
        return app;
    }

    static async Task<Results<Ok<NodeRecordDto<PracticeRecord>>, ValidationProblem, ProblemHttpResult>> ReceiveAsync(
        PracticeDraft draft, NodeDb db, ChangeLog log, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (RecordRules.OriginIdProblem(draft.Id) is { } idProblem)
            errors["id"] = [idProblem];
        if (string.IsNullOrWhiteSpace(draft.Practice?.Title))
            errors["practice.title"] = ["Ein Entwurf braucht mindestens einen Titel."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var existing = await db.Records.AsNoTracking().FirstOrDefaultAsync(r => r.Kind == RecordKind.Practice && r.Id == draft.Id, ct);
        if (existing is { Status: not RecordStatus.Draft })
            return NodeProblems.Conflict("id", $"{draft.Id} ist bereits veröffentlicht; Änderungen daran macht die Redaktion im Knoten.");

        var practice = RecordDescriptors.Practice.Normalize(draft.Practice!);
        var record = await log.WriteAsync(RecordKind.Practice, draft.Id!, RecordStatus.Draft, RecordBody.Write(practice), ct);
        return TypedResults.Ok(NodeRecordDto<PracticeRecord>.From(record));
    }
}
