using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Xunit;

namespace Kommune20.Testing;

/// <summary>
/// A real SMTP server in the test process (SmtpServer) on a free loopback port, keeping every message it receives parsed with
/// MimeKit. A service reaches it with <see cref="Settings"/> (<c>Smtp__Host</c>, <c>Smtp__Port</c>).
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    readonly ConcurrentQueue<MimeMessage> _messages = new();
    readonly CancellationTokenSource _stop = new();
    readonly SmtpServer.SmtpServer _server;
    readonly Task _running;

    TestSmtpServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_messages));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>Starts listening on <paramref name="port"/> (a free one when not given), e.g. again on the port a service was already told.</summary>
    public static TestSmtpServer Start(int? port = null) => new(port ?? FreePorts.Next());

    /// <summary>Settings in environment form for a service that sends through this server.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Smtp__Host"] = "127.0.0.1",
        ["Smtp__Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public IReadOnlyList<MimeMessage> Messages => [.. _messages];

    /// <summary>The messages to <paramref name="address"/> received so far.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. _messages.Where(m => m.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Waits until a message to <paramref name="address"/> whose subject contains <paramref name="subjectPart"/> arrived.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, string subjectPart, TimeSpan? timeout = null)
    {
        MimeMessage? found = null;
        await Eventually.HoldsAsync(() =>
        {
            found = To(address).FirstOrDefault(m => m.Subject?.Contains(subjectPart, StringComparison.Ordinal) == true);
            Assert.True(found is not null, $"No e-mail to {address} about „{subjectPart}“; received: {string.Join(" | ", Messages.Select(m => $"{m.To} {m.Subject}"))}");
            return Task.CompletedTask;
        }, timeout ?? TimeSpan.FromSeconds(30));
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped as asked.
        }
        _stop.Dispose();
    }

    sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
