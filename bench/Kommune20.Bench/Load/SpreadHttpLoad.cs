using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Kommune20.Bench.Measuring;

namespace Kommune20.Bench.Load;

/// <summary>
/// HTTP load from many callers, the way a gateway's real traffic comes: each request from the next of
/// <see cref="Sources"/> loopback addresses (<see cref="LoopbackSources"/>, an HttpClient and its connection each),
/// and, where <see cref="Tokens"/> are given, with the next of them (one per signed-in caller). The .NET client in
/// this process, so the CPU of the load generator is the bench's.
/// </summary>
public sealed class SpreadHttpLoad(int sources, IReadOnlyList<string>? tokens = null) : IHttpLoad
{
    public int Sources => sources;

    public IReadOnlyList<string>? Tokens => tokens;

    public string Name => $".NET HttpClient, {sources:N0} addresses";

    public int? ProcessId => Environment.ProcessId;

    public async Task<LoadResult> RunAsync(HttpTarget target, LoadShape shape, CancellationToken cancellationToken)
    {
        using var callers = new Callers(sources);
        var turn = -1;
        return await ClosedLoop.RunAsync(shape, (_, ct) =>
        {
            var request = Interlocked.Increment(ref turn);
            return callers.GetAsync(request, target.Url, target.BearerToken ?? tokens?[request % tokens.Count], ct);
        }, cancellationToken);
    }

    /// <summary>
    /// <c>GET url</c> once with each of <paramref name="once"/> (tokens nobody sent before), by <paramref name="concurrency"/>
    /// workers; the first <paramref name="warmup"/> are not measured (<see cref="CountedLoop"/>).
    /// </summary>
    public async Task<LoadResult> RunOnceEachAsync(Uri url, IReadOnlyList<string> once, int warmup, int concurrency, CancellationToken cancellationToken)
    {
        using var callers = new Callers(sources);
        return await CountedLoop.RunAsync(once.Count, warmup, concurrency,
            (request, ct) => callers.GetAsync(request, url, once[request], ct), cancellationToken);
    }

    /// <summary>An HttpClient per source address, each of whose connections is bound to that address.</summary>
    sealed class Callers : IDisposable
    {
        readonly HttpClient[] _clients;

        public Callers(int count) => _clients = [.. Enumerable.Range(0, count).Select(index => From(LoopbackSources.Address(index)))];

        public async Task GetAsync(int request, Uri url, string? token, CancellationToken cancellationToken)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, url);
            if (token is not null)
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await _clients[request % _clients.Length].SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
            response.EnsureSuccessStatusCode();
        }

        public void Dispose()
        {
            foreach (var client in _clients)
                client.Dispose();
        }

        static HttpClient From(IPAddress source) => new(new SocketsHttpHandler
        {
            UseCookies = false,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        { Timeout = TimeSpan.FromSeconds(10) };
    }
}
