using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Kommune20.Messaging;

/// <summary>
/// The office's view of a service's outbox (<c>/api/{service}/office/outbox</c>): the backlog, the dead letters with
/// their reasons, and a retry that puts a dead letter back at the head of the stream (it then leaves after the messages
/// committed later that already left; consumers that care about order compare versions, as the federation's events carry them).
/// </summary>
public static class OutboxApi
{
    public static RouteGroupBuilder MapOutboxApi(this IEndpointRouteBuilder app, string service)
    {
        var group = app.MapGroup($"/api/{service}/office/outbox").WithTags("Outbox").RequireAuthorization(Policies.Office);
        group.MapGet("/", StatusAsync);
        group.MapGet("/dead-letters", DeadLettersAsync);
        group.MapPost("/dead-letters/{sequence:long}/retry", RetryAsync);
        return group;
    }

    static async Task<Ok<OutboxStatus>> StatusAsync(OutboxStore outbox, CancellationToken ct) =>
        TypedResults.Ok(await outbox.CountAsync(ct));

    /// <summary>The oldest <see cref="OutboxStore.MaxDeadLetters"/> dead letters; the status gives their total.</summary>
    static async Task<Ok<List<DeadLetter>>> DeadLettersAsync(OutboxStore outbox, CancellationToken ct) =>
        TypedResults.Ok(await outbox.DeadLettersAsync(ct));

    static async Task<Results<NoContent, NotFound>> RetryAsync(long sequence, OutboxStore outbox, CancellationToken ct) =>
        await outbox.RetryAsync(sequence, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
