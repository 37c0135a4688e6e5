using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kommune20.Testing;

/// <summary>
/// A partner's webhook endpoints as a real Kestrel server on 127.0.0.1: any number of them at <c>/hooks/{name}</c>. Each
/// answers the CloudEvents validation handshake (OPTIONS with <c>WebHook-Request-Origin</c>) and takes deliveries, which it
/// keeps with their headers, body and the <see cref="Stopwatch"/> time they arrived. <see cref="FailFirst"/> lets an endpoint
/// refuse its first deliveries (503), as a receiver that is down for a while; <see cref="RedirectTo"/> makes one answer every
/// delivery with a redirect elsewhere.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    readonly WebApplication app;
    readonly ConcurrentDictionary<string, int> attempts = new();
    readonly ConcurrentDictionary<string, int> failFirst = new();
    readonly ConcurrentDictionary<string, Uri> redirects = new();

    public ConcurrentQueue<WebhookDelivery> Delivered { get; } = new();

    /// <summary>Every delivery attempt that reached the server, failed ones included.</summary>
    public int Attempts => attempts.Values.Sum();

    public Uri Address { get; private set; } = null!;

    WebhookReceiver(WebApplication app) => this.app = app;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver(LoopbackServer.CreateBuilder().Build());
        receiver.MapEndpoints();
        await receiver.app.StartAsync();
        receiver.Address = LoopbackServer.AddressOf(receiver.app);
        return receiver;
    }

    /// <summary>The address of the endpoint <paramref name="name"/>.</summary>
    public Uri Endpoint(string name) => new(Address, "hooks/" + Uri.EscapeDataString(name));

    /// <summary>The endpoint <paramref name="name"/> answers its first <paramref name="count"/> deliveries with 503.</summary>
    public void FailFirst(string name, int count) => failFirst[name] = count;

    /// <summary>The endpoint <paramref name="name"/> answers every delivery with 302 to <paramref name="location"/>.</summary>
    public void RedirectTo(string name, Uri location) => redirects[name] = location;

    /// <summary>The delivery attempts that reached the endpoint <paramref name="name"/>, failed ones included.</summary>
    public int AttemptsAt(string name) => attempts.GetValueOrDefault(name);

    /// <summary>The deliveries <paramref name="name"/> accepted.</summary>
    public IReadOnlyList<WebhookDelivery> To(string name) => [.. Delivered.Where(d => d.Endpoint == name)];

    void MapEndpoints()
    {
        app.MapMethods("/hooks/{name}", [HttpMethods.Options], (HttpContext context) =>
        {
            var origin = context.Request.Headers["WebHook-Request-Origin"].ToString();
            if (origin.Length == 0)
                return Results.BadRequest();
            context.Response.Headers["WebHook-Allowed-Origin"] = origin;
            context.Response.Headers.Allow = "POST";
            return Results.Ok();
        });
        app.MapPost("/hooks/{name}", async (string name, HttpContext context) =>
        {
            var arrivedAt = Stopwatch.GetTimestamp();
            var attempt = attempts.AddOrUpdate(name, 1, (_, n) => n + 1);
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            if (attempt <= failFirst.GetValueOrDefault(name))
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            if (redirects.TryGetValue(name, out var location))
                return Results.Redirect(location.AbsoluteUri);
            Delivered.Enqueue(new WebhookDelivery(name, arrivedAt, body, context.Request.ContentType ?? "",
                context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString())));
            return Results.NoContent();
        });
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}

/// <summary>One accepted delivery: which endpoint, when (<see cref="Stopwatch"/> timestamp), the body and the headers by lower-case name.</summary>
public sealed record WebhookDelivery(string Endpoint, long ArrivedAt, string Body, string ContentType, IReadOnlyDictionary<string, string> Headers);
