using MassTransit;

namespace Kommune20.Messaging;

public static class MessagingIsolation
{
    /// <summary>
    /// Prefixes every message exchange with a namespace (<c>Messaging:Namespace</c>, else <c>Messaging:Instance</c>), so that
    /// processes in different namespaces share a broker without seeing each other's events (test hubs running side by
    /// side). Without one the exchanges keep MassTransit's names.
    /// </summary>
    public static void IsolateExchanges(this IBusFactoryConfigurator bus, string? @namespace)
    {
        if (!string.IsNullOrEmpty(@namespace))
            bus.MessageTopology.SetEntityNameFormatter(new PrefixEntityNameFormatter(bus.MessageTopology.EntityNameFormatter, @namespace + "."));
    }
}
