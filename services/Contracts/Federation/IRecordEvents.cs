namespace Kommune20.Contracts.Federation;

/// <summary>Where a descriptor stages the integration event a change announces (the hub's outbox), by the event's own type.</summary>
public interface IRecordEvents
{
    void Add<TEvent>(TEvent integrationEvent) where TEvent : class;
}
