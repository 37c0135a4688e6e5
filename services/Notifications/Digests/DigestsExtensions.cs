using Kommune20.Notifications.Data;
using Kommune20.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Notifications.Digests;

public static class DigestsExtensions
{
    /// <summary>
    /// E-mail digests: the letters, the runs and their schedule, and the sender, through the SMTP server of <c>Smtp:*</c> or,
    /// without <c>Smtp:Host</c>, into the data directory's <c>mail</c> folder.
    /// </summary>
    public static IHostApplicationBuilder AddDigests(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection("Smtp"));
        builder.Services.AddSingleton<MailLinks>();
        builder.Services.AddSingleton<Letterhead>();
        builder.Services.AddSingleton<MailSignal>();
        builder.Services.ConfigureDbContext<NotificationsDb>((services, options) =>
            options.AddInterceptors(new MailSignalInterceptor(services.GetRequiredService<MailSignal>())));
        builder.Services.AddSingleton<IMailDelivery>(services =>
        {
            if (!string.IsNullOrWhiteSpace(builder.Configuration["Smtp:Host"]))
                return ActivatorUtilities.CreateInstance<SmtpDelivery>(services);
            var folder = new PickupFolder(Path.Combine(DataDirectory.Of(builder.Configuration), "mail"));
            services.GetRequiredService<ILogger<PickupFolder>>()
                .LogWarning("Smtp:Host is not set: e-mails are not sent but written to {Folder}", folder.Folder);
            return folder;
        });
        builder.Services.AddScoped<DigestRun>();
        builder.Services.AddHostedService<MailSender>();
        builder.Services.AddHostedService<DigestSchedule>();
        return builder;
    }
}
