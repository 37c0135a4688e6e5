using System.Collections.Concurrent;
using System.Diagnostics;

namespace Kommune20.Testing;

/// <summary>A service started as a real process (<c>dotnet Service.dll</c>), the way the launcher starts it.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    readonly Process _process;
    readonly ConcurrentQueue<string> _log = new();
    volatile bool _stopping;

    public string Name { get; }
    public Uri BaseAddress { get; }

    ServiceProcess(string name, Uri baseAddress, Process process)
    {
        Name = name;
        BaseAddress = baseAddress;
        _process = process;
    }

    public static ServiceProcess Start(string name, string dll, Uri baseAddress, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var service = new ServiceProcess(name, baseAddress, process);
        process.OutputDataReceived += (_, line) => service.Append(line.Data);
        process.ErrorDataReceived += (_, line) => service.Append(line.Data);
        process.Exited += (_, _) => service.ReportUnexpectedExit();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    public string RecentLog => string.Join(Environment.NewLine, _log.TakeLast(60));

    public bool HasExited => _process.HasExited;

    /// <summary>The operating system's process id (for /proc and dotnet-counters).</summary>
    public int Id => _process.Id;

    /// <summary>Waits until <c>/health/ready</c> answers 200; fails with the service's last log lines otherwise.
    /// The benchmarks poll more often than the default 200 ms to time a cold start.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, TimeSpan? pollInterval = null)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode}:{Environment.NewLine}{RecentLog}");
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }
            await Task.Delay(pollInterval ?? TimeSpan.FromMilliseconds(200));
        }
        throw new TimeoutException($"{Name} was not ready within {timeout.TotalSeconds:0} s:{Environment.NewLine}{RecentLog}");
    }

    public async Task StopAsync()
    {
        _stopping = true;
        if (_process.HasExited)
            return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    /// <summary>
    /// A service that dies under a test's or a benchmark's load takes its log with it, and what fails next (a refused
    /// connection, a process gone from /proc) does not say why: its last lines go to standard error when it exits on its own.
    /// </summary>
    void ReportUnexpectedExit()
    {
        if (_stopping)
            return;
        _process.WaitForExit();
        Console.Error.WriteLine($"{Name} exited on its own with code {_process.ExitCode}; its last lines:{Environment.NewLine}{RecentLog}");
    }

    void Append(string? line)
    {
        if (line is null)
            return;
        _log.Enqueue(line);
        while (_log.Count > 500)
            _log.TryDequeue(out _);
    }
}
