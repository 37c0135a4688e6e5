using System.Reflection;
using Kommune20.ServiceDefaults;
using MassTransit;
using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Kommune20.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// Connects the service to RabbitMQ through MassTransit, with the transactional outbox and the idempotent inbox
    /// kept in <typeparamref name="TDb"/>. Queues are named after the service ("library-practice-published").
    /// <c>Messaging:Instance</c> gives one process queues of its own that vanish with it ("library-7f3a-practice-published")
    /// and, unless <c>Messaging:Namespace</c> names a namespace shared with other instances, exchanges of its own
    /// (<see cref="MessagingIsolation"/>), so that tests can run several hubs side by side on one broker without competing
    /// for, or receiving, each other's messages. With <c>Messaging:ClusterNodes</c> (further nodes of a RabbitMQ cluster
    /// besides the connection string's, "host:port") the connection moves to another node when its node goes, and the
    /// service's queues are quorum queues, replicated across the nodes, so a node's loss loses no message
    /// (<see cref="PerInstanceQueues"/> excepted). The broker's health is part of readiness; MassTransit's traces and
    /// metrics join the service's telemetry.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TDb>(this IHostApplicationBuilder builder, string serviceName, params Assembly[] consumerAssemblies)
        where TDb : DbContext
    {
        var services = builder.Services;
        services.AddSingleton<OutboxSignal>();
        // Wakes the dispatcher right after a commit instead of at its next poll.
        services.ConfigureDbContext<TDb>((provider, options) => options.AddInterceptors(new OutboxSignalInterceptor(provider.GetRequiredService<OutboxSignal>())));
        services.Configure<OutboxOptions>(builder.Configuration.GetSection(OutboxOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxRelay>();
        services.AddSingleton<OutboxGauges<TDb>>();
        services.AddStartupGate();
        services.AddHostedService<OutboxDispatcher<TDb>>();
        services.AddScoped(provider => new InboxStore(provider.GetRequiredService<TDb>()));
        services.AddScoped(provider => new OutboxStore(provider.GetRequiredService<TDb>()));

        var broker = new Uri(builder.Configuration.GetConnectionString("RabbitMq") ?? "amqp://guest:guest@localhost:5672/");
        var instance = builder.Configuration["Messaging:Instance"];
        var exchangeNamespace = builder.Configuration["Messaging:Namespace"] ?? instance;
        var clusterNodes = builder.Configuration.GetSection("Messaging:ClusterNodes").Get<string[]>() ?? [];
        var batched = BatchConsumers.MessageTypesIn(consumerAssemblies);
        services.AddSingleton<PerInstanceQueues>();
        services.AddSingleton<BusStarted>(); // one instance, which remembers the start across checks
        services.AddHealthChecks().AddCheck<BusStarted>("bus-started", tags: [ServiceDefaultsExtensions.ReadyTag]);
        services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(instance is null ? serviceName : $"{serviceName}-{instance}", false));
            bus.AddConfigureEndpointsCallback((context, queueName, endpoint) =>
            {
                if (endpoint is not IRabbitMqReceiveEndpointConfigurator rabbit)
                    return;
                if (instance is not null)
                {
                    rabbit.AutoDelete = true;
                    rabbit.Durable = false;
                }
                else if (clusterNodes.Length > 0 && !context.GetRequiredService<PerInstanceQueues>().Owns(queueName))
                {
                    rabbit.SetQuorumQueue();
                }
            });
            // An empty list would make MassTransit scan every loaded assembly, its own job consumers included.
            if (consumerAssemblies.Length > 0)
                bus.AddConsumers(consumerAssemblies);
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "rabbitmq";
                health.MinimalFailureStatus = HealthStatus.Degraded; // after the start, see BusStarted
                health.Tags.Add(ServiceDefaultsExtensions.ReadyTag);
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker, host =>
                {
                    if (clusterNodes.Length > 0)
                        host.UseCluster(cluster =>
                        {
                            // amqp is no scheme Uri knows: without a port in the address, Port is -1 and RabbitMQ's default applies.
                            cluster.Node(broker.Port > 0 ? $"{broker.Host}:{broker.Port}" : broker.Host);
                            foreach (var node in clusterNodes)
                                cluster.Node(node);
                        });
                });
                rabbit.IsolateExchanges(exchangeNamespace);
                rabbit.UseMessageRetry(retry => retry.Intervals(100, 500, 2000, 5000));
                rabbit.UseConsumeFilter(typeof(InboxFilter<>), context, messages => messages.Exclude(batched.Contains));
                rabbit.ConfigureEndpoints(context);
            });
        });
        // The outbox's publish span continues the trace of the request that committed the message.
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(DiagnosticHeaders.DefaultListenerName, OutboxDispatcher<TDb>.ActivitySourceName));
        services.ConfigureOpenTelemetryMeterProvider((provider, metrics) =>
        {
            provider.GetRequiredService<OutboxGauges<TDb>>();
            metrics.AddMeter(InstrumentationOptions.MeterName, MessagingMetrics.MeterName);
        });
        return builder;
    }
}
