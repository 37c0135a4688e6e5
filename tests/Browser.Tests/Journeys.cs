namespace Kommune20.Browser.Tests;

/// <summary>A class of journeys on the one <see cref="Portal"/> of the run; the pages each journey opened close after it.</summary>
public abstract class Journeys(Portal portal) : IAsyncLifetime
{
    protected Portal Portal { get; } = portal;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Portal.CloseContextsAsync();
}
