using System.Diagnostics;
using System.Globalization;
using Kommune20.Bench.Measuring;

namespace Kommune20.Bench.Load;

/// <summary>HTTP load from wrk (Debian's package): one thread, a connection per unit of concurrency, latency distribution on.</summary>
public sealed class WrkLoad(string executable) : IHttpLoad
{
    public string Name => "wrk";

    public int? ProcessId { get; private set; }

    /// <summary>wrk on the PATH, or null.</summary>
    public static WrkLoad? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "wrk"))
            .FirstOrDefault(File.Exists) is { } path ? new WrkLoad(path) : null;

    public async Task<LoadResult> RunAsync(HttpTarget target, LoadShape shape, CancellationToken cancellationToken)
    {
        await ExpectSuccessAsync(target, cancellationToken);
        if (shape.Warmup > TimeSpan.Zero)
            await RunWrkAsync(target, shape.Concurrency, shape.Warmup, cancellationToken);
        return WrkOutput.Parse(await RunWrkAsync(target, shape.Concurrency, shape.Duration, cancellationToken));
    }

    static async Task ExpectSuccessAsync(HttpTarget target, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, target.Url);
        if (target.BearerToken is not null)
            request.Headers.Authorization = new("Bearer", target.BearerToken);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {target.Url} answered {(int)response.StatusCode}; not loading an error page.");
    }

    async Task<string> RunWrkAsync(HttpTarget target, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-t1", $"-c{connections}", $"-d{Math.Max(1, (int)duration.TotalSeconds)}s", "--latency", "--timeout", "10s" })
            start.ArgumentList.Add(argument);
        if (target.BearerToken is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add("Authorization: Bearer " + target.BearerToken);
        }
        start.ArgumentList.Add(target.Url.AbsoluteUri);

        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
        ProcessId = wrk.Id;
        try
        {
            var output = wrk.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = wrk.StandardError.ReadToEndAsync(cancellationToken);
            await wrk.WaitForExitAsync(cancellationToken);
            return wrk.ExitCode == 0
                ? await output
                : throw new InvalidOperationException($"wrk exited with {wrk.ExitCode}: {await errors}{await output}");
        }
        finally
        {
            ProcessId = null;
        }
    }
}

/// <summary>Reads wrk's report: requests per second, the latency distribution, non-2xx responses and socket errors.</summary>
public static class WrkOutput
{
    public static LoadResult Parse(string output)
    {
        double? p50 = null, p90 = null, p99 = null, requestsPerSecond = null, seconds = null;
        long requests = 0, errors = 0;
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.Trim();
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (words)
            {
                case ["50%", var value]: p50 = Milliseconds(value); break;
                case ["90%", var value]: p90 = Milliseconds(value); break;
                case ["99%", var value]: p99 = Milliseconds(value); break;
                case ["Requests/sec:", var value]: requestsPerSecond = Number(value); break;
                case [var count, "requests", "in", var time, ..]:
                    requests = long.Parse(count, CultureInfo.InvariantCulture);
                    seconds = Milliseconds(time.TrimEnd(',')) / 1000;
                    break;
                case ["Non-2xx", "or", "3xx", "responses:", var value]: errors += long.Parse(value, CultureInfo.InvariantCulture); break;
                case ["Socket", "errors:", ..]:
                    errors += words.Skip(2).Where(word => char.IsDigit(word[0])).Sum(word => long.Parse(word.TrimEnd(','), CultureInfo.InvariantCulture));
                    break;
            }
        }

        if (p50 is null || p90 is null || p99 is null || requestsPerSecond is null || seconds is null)
            throw new FormatException("Not a wrk --latency report:\n" + output);
        return new LoadResult(requests - errors, errors, seconds.Value, new Percentiles(p50.Value, p90.Value, p99.Value));
    }

    /// <summary>wrk's durations: "812.00us", "1.23ms", "2.01s", "1.00m".</summary>
    public static double Milliseconds(string value)
    {
        foreach (var (suffix, factor) in new[] { ("us", 0.001), ("ms", 1.0), ("s", 1000.0), ("m", 60_000.0), ("h", 3_600_000.0) })
        {
            if (value.EndsWith(suffix, StringComparison.Ordinal))
                return Number(value[..^suffix.Length]) * factor;
        }
        throw new FormatException($"Not a wrk duration: {value}");
    }

    static double Number(string value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
}
