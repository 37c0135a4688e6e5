using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Kommune20.ServiceDefaults;

/// <summary>
/// The logger factory behind a cache without a lock. ASP.NET Core makes an authentication handler for every request,
/// and each asks the factory for its logger; <see cref="LoggerFactory"/> hands out one logger per category but takes a lock
/// to find it, so at a thousand requests at once the threads queued for that lock (bench/findings/votes.md). Its loggers
/// follow later changes of filters and providers themselves, so a remembered one stays current.
/// </summary>
public sealed class SharedLoggers(LoggerFactory factory) : ILoggerFactory
{
    readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    // Made once: a method group passed on each call would allocate a delegate for every request.
    readonly Func<string, ILogger> _create = factory.CreateLogger;

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, _create);

    public void AddProvider(ILoggerProvider provider) => factory.AddProvider(provider);

    /// <summary>The container disposes the factory it made.</summary>
    public void Dispose()
    {
    }

    internal static void Register(IServiceCollection services)
    {
        services.TryAddSingleton<LoggerFactory>();
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(provider => new SharedLoggers(provider.GetRequiredService<LoggerFactory>())));
    }
}
