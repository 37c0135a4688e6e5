using Microsoft.Extensions.Configuration;

namespace Kommune20.ServiceDefaults;

public static class DataDirectory
{
    /// <summary>Where a service keeps its files: <c>K20_DATA</c> as the launcher sets it, else beside the binaries.</summary>
    public static string Of(IConfiguration configuration)
    {
        var directory = configuration["K20_DATA"] ?? Path.Combine(AppContext.BaseDirectory, "data");
        Directory.CreateDirectory(directory);
        return directory;
    }
}
