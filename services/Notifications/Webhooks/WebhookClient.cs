using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Kommune20.Notifications.Webhooks;

/// <summary>
/// The only way the service reaches a subscriber's endpoint. It resolves the host itself when connecting and connects only to
/// addresses that are public or on the operator's allow-list, so neither a name that resolves to an internal address (now or
/// after the subscription was checked) nor a decimal, octal or IPv6-mapped spelling of one gets through. It follows no
/// redirect, uses no proxy, and reads at most <see cref="WebhookOptions.MaxResponseBytes"/> of an answer within
/// <see cref="WebhookOptions.Timeout"/>.
/// </summary>
public sealed class WebhookClient : IDisposable
{
    readonly HttpClient http;
    readonly IReadOnlySet<IPAddress> allowed;
    readonly WebhookOptions options;

    public WebhookClient(IOptions<WebhookOptions> configured)
    {
        options = configured.Value;
        allowed = options.Allowed();
        http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxResponseHeadersLength = 16,
            ConnectCallback = ConnectAsync,
        })
        {
            Timeout = options.Timeout,
        };
    }

    /// <summary>May a webhook reach this address?</summary>
    public bool Permits(IPAddress address) => allowed.Contains(address) || PublicAddresses.IsPublic(address);

    /// <summary>
    /// Sends <paramref name="request"/> and reads the answer's body up to the limit (dropping the rest), so that a receiver
    /// can neither stall the service nor fill its memory. Whatever goes wrong (a refused address, a redirect, a timeout, a
    /// broken connection) comes back as the answer's German <see cref="WebhookAnswer.Error"/>.
    /// </summary>
    public async Task<WebhookAnswer> CallAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.Timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
            var buffer = new byte[8192];
            for (var read = 0; read < options.MaxResponseBytes;)
            {
                var chunk = await body.ReadAsync(buffer, deadline.Token);
                if (chunk == 0)
                    break;
                read += chunk;
            }
            var status = (int)response.StatusCode;
            var error = status is >= 300 and < 400
                ? $"Weiterleitung{(response.Headers.Location is { } to ? $" nach {to}" : "")} nicht gefolgt: Webhooks folgen keiner Weiterleitung."
                : null;
            return new WebhookAnswer(status, error, response.Headers);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new WebhookAnswer(null, $"Keine Antwort innerhalb von {options.Timeout.TotalSeconds:0} Sekunden.", null);
        }
        catch (HttpRequestException failed)
        {
            return new WebhookAnswer(null, failed.GetBaseException() is WebhookTargetRefused refused
                ? refused.Message
                : $"Keine Verbindung: {failed.GetBaseException().Message}", null);
        }
    }

    async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var resolved = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var permitted = resolved.Where(Permits).ToArray();
        if (permitted.Length == 0)
            throw new WebhookTargetRefused(
                $"„{host}“ führt zu keiner öffentlichen Adresse ({string.Join(", ", resolved.Select(a => a.ToString()))}); Webhooks erreichen nur öffentliche Adressen.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(permitted, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => http.Dispose();
}

/// <summary>What came back from a call: the status code if the receiver answered, else (or for a redirect) what went wrong.</summary>
public sealed record WebhookAnswer(int? StatusCode, string? Error, System.Net.Http.Headers.HttpResponseHeaders? Headers);

/// <summary>The target of a webhook resolves only to addresses it may not reach.</summary>
public sealed class WebhookTargetRefused(string message) : Exception(message);
