namespace Kommune20.Testing;

public static class Eventually
{
    /// <summary>Retries an assertion until it holds or the time is up, then rethrows its last failure.</summary>
    public static async Task HoldsAsync(Func<Task> assertion, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            try
            {
                await assertion();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}
