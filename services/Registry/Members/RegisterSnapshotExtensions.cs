using Kommune20.Registry.Data;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Registry.Members;

public static class RegisterSnapshotExtensions
{
    /// <summary>Keeps the register in memory for lookups, discarded by the Registry's own commits to it.</summary>
    public static IHostApplicationBuilder AddRegisterSnapshot(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RegisterSnapshot>();
        builder.Services.ConfigureDbContext<RegistryDb>((services, options) =>
            options.AddInterceptors(new RegisterSnapshotInterceptor(services.GetRequiredService<RegisterSnapshot>())));
        return builder;
    }
}
