using MassTransit;

namespace Kommune20.ServiceDefaults.Messaging;

public static class MessagingIsolation
{
    /// <summary>
    /// Prefixes every message exchange with <c>Messaging:Instance</c>, so that processes started under different instances
    /// share a broker without seeing each other's events (test hubs running side by side). Without an instance the
    /// exchanges keep MassTransit's names.
    /// </summary>
    public static void IsolateExchanges(this IBusFactoryConfigurator bus, string? instance)
    {
        if (!string.IsNullOrEmpty(instance))
            bus.MessageTopology.SetEntityNameFormatter(new PrefixEntityNameFormatter(bus.MessageTopology.EntityNameFormatter, instance + "."));
    }
}
