using System.Diagnostics;
using Kommune20.Testing;

namespace Kommune20.Messaging.Tests;

/// <summary>
/// A RabbitMQ node of the test's own (own node name, ports and directory, started as the launcher starts its nodes), so
/// that a test may stop and restart it without touching the broker other tests use. Its data survive a restart.
/// </summary>
public sealed class ThrowawayRabbitMq : IAsyncLifetime
{
    const string Bin = "/usr/lib/rabbitmq/bin";
    readonly string _directory = TestEnvironment.NewDataDirectory("rabbitmq");
    readonly string _node = $"k20fault{Guid.NewGuid().ToString("N")[..8]}@localhost";
    readonly int _port = FreePorts.Next();
    readonly int _distributionPort = FreePorts.Next();
    bool _running;

    public string Uri => $"amqp://guest:guest@127.0.0.1:{_port}/";

    /// <summary>"127.0.0.1:port", as a cluster's further node is named to a client.</summary>
    public string Endpoint => $"127.0.0.1:{_port}";

    public string Node => _node;

    /// <summary>Makes this node a member of <paramref name="first"/>'s cluster (it forgets its own data).</summary>
    public async Task JoinAsync(ThrowawayRabbitMq first)
    {
        await RunAsync("rabbitmqctl", "-n", _node, "-q", "stop_app");
        await RunAsync("rabbitmqctl", "-n", _node, "-q", "join_cluster", first.Node);
        await RunAsync("rabbitmqctl", "-n", _node, "-q", "start_app");
    }

    /// <summary>The node that leads the quorum queue <paramref name="queue"/>, as this node sees the cluster; null when unknown.</summary>
    public async Task<string?> LeaderOfAsync(string queue)
    {
        var rows = await RunAsync("rabbitmqctl", "-n", _node, "-q", "--no-table-headers", "list_queues", "name", "leader");
        return rows.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(row => row.Split('\t'))
            .FirstOrDefault(columns => columns.Length == 2 && columns[0] == queue)?[1].Trim();
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "mnesia"));
        Directory.CreateDirectory(Path.Combine(_directory, "log"));
        await File.WriteAllTextAsync(Path.Combine(_directory, "enabled_plugins.erl"), "");
        await File.WriteAllTextAsync(Path.Combine(_directory, "rabbitmq-env.conf"), "");
        await File.WriteAllTextAsync(Path.Combine(_directory, "rabbitmq.conf"), $"listeners.tcp.1 = 127.0.0.1:{_port}\nloopback_users.guest = true\n");
        await StartAsync();
    }

    /// <summary>Starts the node unless it runs.</summary>
    public async Task StartAsync()
    {
        if (_running)
            return;
        File.Delete(Path.Combine(_directory, "rabbitmq.pid")); // a stale one would mislead `rabbitmqctl wait`
        await RunAsync("rabbitmq-server", "-detached");
        await RunAsync("rabbitmqctl", "-n", _node, "-q", "wait", "--timeout", "90", Path.Combine(_directory, "rabbitmq.pid"));
        _running = true;
    }

    /// <summary>Stops the whole node, as a crash or maintenance of the broker would take it away.</summary>
    public async Task StopAsync()
    {
        if (!_running)
            return;
        await RunAsync("rabbitmqctl", "-n", _node, "-q", "stop");
        _running = false;
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_directory, recursive: true);
    }

    async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(Bin, tool), arguments) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["RABBITMQ_NODENAME"] = _node,
            ["RABBITMQ_NODE_PORT"] = _port.ToString(),
            ["RABBITMQ_DIST_PORT"] = _distributionPort.ToString(),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(_directory, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(_directory, "log"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(_directory, "rabbitmq.pid"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_directory, "enabled_plugins.erl"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(_directory, "rabbitmq.conf"),
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(_directory, "advanced.config"),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(_directory, "rabbitmq-env.conf"),
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        })
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await errors}");
        return await output;
    }
}
