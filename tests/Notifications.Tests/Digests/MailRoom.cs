using Kommune20.Notifications.Data;
using Kommune20.Notifications.Digests;
using Kommune20.Notifications.Notices;
using Kommune20.Notifications.Subscriptions;
using Kommune20.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kommune20.Notifications.Tests.Digests;

/// <summary>
/// The service's digest parts on a database of their own (a SQLite file, which two contexts share as two instances would) with a
/// clock the test moves, sending to a real SMTP server on loopback (started when the test wants the mail server up).
/// </summary>
public sealed class MailRoom : IAsyncDisposable
{
    readonly string _database = Path.Combine(TestEnvironment.NewDataDirectory("digests"), "notifications.db");
    readonly ServiceProvider _services;

    public MailRoom()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddDbContext<NotificationsDb>(options => options.UseSqlite($"Data Source={_database}"));
        services.Configure<SmtpOptions>(smtp =>
        {
            smtp.Host = "127.0.0.1";
            smtp.Port = SmtpPort;
        });
        services.AddSingleton(new MailLinks(new Uri("https://kommune20.example/")));
        services.AddSingleton<Letterhead>();
        services.AddSingleton<MailSignal>();
        services.AddSingleton<IMailDelivery, SmtpDelivery>();
        services.AddSingleton<MailSender>();
        services.AddScoped<DigestEnrolment>();
        services.AddScoped<DigestRun>();
        _services = services.BuildServiceProvider();
        using var db = Open();
        db.Database.EnsureCreated();
    }

    /// <summary>Wednesday, 2 December 2026, 10:00 in Germany.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    public int SmtpPort { get; } = FreePorts.Next();

    public TestSmtpServer? Smtp { get; private set; }

    public TestSmtpServer StartMailServer() => Smtp = TestSmtpServer.Start(SmtpPort);

    public NotificationsDb Open() => new(new DbContextOptionsBuilder<NotificationsDb>().UseSqlite($"Data Source={_database}").Options);

    public MailSender Sender => _services.GetRequiredService<MailSender>();

    /// <summary>An e-mail subscription as the subscriptions API creates one: enrolled (the confirmation e-mail stored) and saved.</summary>
    public async Task<Subscription> SubscribeAsync(string email, FollowTarget follows, string frequency = "weekly")
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDb>();
        var subscription = new Subscription
        {
            Id = Guid.NewGuid(),
            MemberId = Guid.NewGuid(),
            CreatedBy = "Lena Vogt",
            CreatedAt = Clock.GetUtcNow(),
            Follows = follows,
            Channel = Channel.Email,
        };
        var errors = new Dictionary<string, string[]>();
        await scope.ServiceProvider.GetRequiredService<DigestEnrolment>().EnrolAsync(subscription, email, frequency, errors, CancellationToken.None);
        Assert.Empty(errors);
        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync();
        return subscription;
    }

    public async Task ConfirmAsync(Subscription subscription)
    {
        await using var db = Open();
        await db.Subscriptions.Where(s => s.Id == subscription.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.ConfirmedAt, Clock.GetUtcNow()));
    }

    public async Task RecordAsync(params Notice[] notices)
    {
        await using var db = Open();
        foreach (var notice in notices)
        {
            notice.Id = Guid.NewGuid();
            notice.Subject = $"projects/{notice.ProjectKey}/updates/{notice.Id}";
            notice.Link = $"/projekte/{notice.ProjectKey}";
            notice.OccurredAt = notice.RecordedAt = Clock.GetUtcNow();
            db.Notices.Add(notice);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>A digest run as the schedule makes it, in a scope of its own (as each instance has).</summary>
    public async Task<int> RunScheduledAsync(DigestFrequency frequency)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DigestRun>()
            .RunAsync(frequency, DigestPeriods.LastStart(frequency, Clock.GetUtcNow()), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (Smtp is not null)
            await Smtp.DisposeAsync();
        await _services.DisposeAsync();
    }
}
