using Kommune20.Notifications.Data;
using Kommune20.Notifications.Subscriptions;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Notifications.Digests;

/// <summary>
/// The links of the e-mails, which work without signing in: the token in the link is the proof. Confirming the double opt-in,
/// looking up and ending a subscription by its unsubscribe token (also as RFC 8058's one-click POST); an unknown token is 404.
/// And for the office: the digests of a frequency written now (up to a few seconds ago), the run the schedule makes at a period's start.
/// </summary>
public static class EmailApi
{
    public static IEndpointRouteBuilder MapEmailApi(this IEndpointRouteBuilder app)
    {
        var links = app.MapGroup("/api/notifications/email").WithTags("E-mail digests").AllowAnonymous();
        links.MapPost("/confirmation", ConfirmAsync);
        links.MapPost("/subscription", LookUpAsync);
        links.MapPost("/unsubscribe", UnsubscribeAsync);
        links.MapPost("/unsubscribe/one-click", OneClickAsync);
        app.MapPost("/api/notifications/office/digests", RunNowAsync).WithTags("E-mail digests").RequireAuthorization(Policies.Office);
        return app;
    }

    static async Task<Results<Ok<EmailSubscriptionDto>, ValidationProblem, ProblemHttpResult>> ConfirmAsync(EmailToken input, NotificationsDb db,
        TimeProvider clock, CancellationToken ct)
    {
        if (EmailTokens.Read(input.Token) is not { } token)
            return MissingToken();
        var hash = EmailTokens.Hash(token);
        var subscription = await db.Subscriptions.FirstOrDefaultAsync(s => s.ConfirmationTokenHash == hash, ct);
        if (subscription is null)
            return Unknown("Bestätigungslink unbekannt",
                "Zu diesem Link gibt es kein Abonnement (mehr). Vielleicht wurde es schon abbestellt; bestellen Sie es im Portal neu.");
        var now = clock.GetUtcNow();
        if (subscription.ConfirmedAt is null)
        {
            if (subscription.ConfirmationExpiresAt < now)
                return Unknown("Bestätigungslink abgelaufen",
                    $"Ein Abonnement ist {DigestEnrolment.ConfirmationValidFor.TotalDays:0} Tage lang zu bestätigen; diese Frist ist vorbei. Bestellen Sie es im Portal neu.");
            subscription.ConfirmedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(EmailSubscriptionDto.From(subscription));
    }

    static async Task<Results<Ok<EmailSubscriptionDto>, ValidationProblem, ProblemHttpResult>> LookUpAsync(EmailToken input, NotificationsDb db,
        CancellationToken ct) =>
        EmailTokens.Read(input.Token) is not { } token ? MissingToken()
        : await FindAsync(db, token, ct) is { } subscription ? TypedResults.Ok(EmailSubscriptionDto.From(subscription))
        : UnknownUnsubscribe();

    static async Task<Results<Ok<EmailSubscriptionDto>, ValidationProblem, ProblemHttpResult>> UnsubscribeAsync(EmailToken input, NotificationsDb db,
        ILoggerFactory loggers, CancellationToken ct) =>
        EmailTokens.Read(input.Token) is { } token ? await EndAsync(db, token, loggers, ct) : MissingToken();

    /// <summary>A mail program's unsubscribe button (RFC 8058): the token is in the address; the body only says <c>List-Unsubscribe=One-Click</c>.</summary>
    static async Task<Results<Ok<EmailSubscriptionDto>, ValidationProblem, ProblemHttpResult>> OneClickAsync(string? token, NotificationsDb db,
        ILoggerFactory loggers, CancellationToken ct) =>
        EmailTokens.Read(token) is { } given ? await EndAsync(db, given, loggers, ct) : MissingToken();

    static async Task<Results<Ok<EmailSubscriptionDto>, ValidationProblem, ProblemHttpResult>> EndAsync(NotificationsDb db, string token,
        ILoggerFactory loggers, CancellationToken ct)
    {
        if (await FindAsync(db, token, ct) is not { } subscription)
            return UnknownUnsubscribe();
        db.Subscriptions.Remove(subscription);
        await db.SaveChangesAsync(ct);
        loggers.CreateLogger(typeof(EmailApi)).LogInformation("E-mail subscription {SubscriptionId} ended from its unsubscribe link", subscription.Id);
        return TypedResults.Ok(EmailSubscriptionDto.From(subscription));
    }

    static async Task<Results<Ok<DigestRunDto>, ValidationProblem>> RunNowAsync(string? frequency, DigestRun run, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (SubscriptionRules.ReadFrequency(frequency, errors) is not { } given)
            return TypedResults.ValidationProblem(errors);
        var written = await run.RunAsync(given, clock.GetUtcNow() - DigestRun.Settling, ct);
        return TypedResults.Ok(new DigestRunDto(frequency!.Trim().ToLowerInvariant(), written));
    }

    static Task<Subscription?> FindAsync(NotificationsDb db, string token, CancellationToken ct) =>
        db.Subscriptions.FirstOrDefaultAsync(s => s.Channel == Channel.Email && s.UnsubscribeToken == token, ct);

    static ValidationProblem MissingToken() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = ["Der Link ist unvollständig: Ihm fehlt das Kennzeichen (token)."] });

    static ProblemHttpResult UnknownUnsubscribe() =>
        Unknown("Abmeldelink unbekannt", "Zu diesem Link gibt es kein Abonnement (mehr). Vermutlich ist es schon abbestellt; Sie erhalten dazu keine E-Mails mehr.");

    static ProblemHttpResult Unknown(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);
}

/// <summary>The token from an e-mail's link, as the portal's page posts it.</summary>
public sealed record EmailToken(string? Token);

/// <summary>What an e-mail's link is about, for the page that confirms or unsubscribes: the address, what it follows in words, how often.</summary>
public sealed record EmailSubscriptionDto(string Email, string Follows, string Frequency, bool IsConfirmed)
{
    public static EmailSubscriptionDto From(Subscription subscription) =>
        new(subscription.Email ?? "", FollowWords.Describe(subscription.Follows), FollowWords.Frequency(subscription.Frequency), subscription.ConfirmedAt is not null);
}

/// <summary>The office's run: how many digests of the frequency were written for sending.</summary>
public sealed record DigestRunDto(string Frequency, int Digests);
