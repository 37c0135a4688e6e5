using Kommune20.Notifications.Subscriptions;

namespace Kommune20.Notifications.Feeds;

/// <summary>
/// Atom feeds of what anyone may follow without signing in: a project's updates, a member's news, a topic, the library under
/// its filters (<c>topic</c>, <c>sdgTarget</c>, <c>memberId</c>, <c>federalState</c>, as a subscription names them). A feed is
/// the notices its <see cref="FollowTarget"/> matches; a wrong filter is a problem naming it. Something nobody wrote about yet
/// (an unknown project key, a member without news) is an empty feed, as it would be before its first notice.
/// </summary>
public static class FeedsApi
{
    public static RouteGroupBuilder MapFeedsApi(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/feeds").WithTags("Feeds").AllowAnonymous();
        feeds.MapGet("/projects/{key}.atom", (string key, HttpContext context, FeedRequests feed, CancellationToken ct) =>
            feed.AnswerAsync(Follows("project") with { ProjectKey = key }, context, ct)).Atom();
        feeds.MapGet("/members/{id:guid}.atom", (Guid id, HttpContext context, FeedRequests feed, CancellationToken ct) =>
            feed.AnswerAsync(Follows("member") with { MemberId = id }, context, ct)).Atom();
        feeds.MapGet("/topics/{topic}.atom", (string topic, HttpContext context, FeedRequests feed, CancellationToken ct) =>
            feed.AnswerAsync(Follows("topic") with { Topic = topic }, context, ct)).Atom();
        feeds.MapGet("/practices.atom", (string? topic, string? sdgTarget, Guid? memberId, string? federalState, HttpContext context,
            FeedRequests feed, CancellationToken ct) => feed.AnswerAsync(Follows("practices") with
            {
                Topic = topic,
                SdgTarget = sdgTarget,
                MemberId = memberId,
                FederalState = federalState,
            }, context, ct)).Atom();
        return feeds;
    }

    static SubscriptionInput Follows(string kind) => new(kind, null, null, null, null, null, null, null, null, null);

    static RouteHandlerBuilder Atom(this RouteHandlerBuilder endpoint) => endpoint
        .Produces(StatusCodes.Status200OK, contentType: "application/atom+xml")
        .Produces(StatusCodes.Status304NotModified)
        .ProducesValidationProblem();
}
