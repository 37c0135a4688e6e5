namespace Kommune20.Testing;

/// <summary>The servers <c>./kommune20 test</c> provisions for the run (a throwaway RabbitMQ node, PostgreSQL cluster and Redis).</summary>
public static class TestEnvironment
{
    public static string RabbitMq => Environment.GetEnvironmentVariable("K20_TEST_RABBITMQ")
        ?? throw new InvalidOperationException("K20_TEST_RABBITMQ is not set: run the tests with ./kommune20 test, which starts a throwaway RabbitMQ.");

    public static string Postgres => Environment.GetEnvironmentVariable("K20_TEST_POSTGRES")
        ?? throw new InvalidOperationException("K20_TEST_POSTGRES is not set: run the tests with ./kommune20 test, which starts a throwaway PostgreSQL.");

    /// <summary>The live room's backplane, as a StackExchange.Redis configuration (<c>127.0.0.1:6381</c>).</summary>
    public static string Redis => Environment.GetEnvironmentVariable("K20_TEST_REDIS")
        ?? throw new InvalidOperationException("K20_TEST_REDIS is not set: run the tests with ./kommune20 test, which starts a throwaway Redis.");

    public static string NewDataDirectory(string name)
    {
        var directory = Path.Combine(Path.GetTempPath(), "k20-tests", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        return directory;
    }
}
