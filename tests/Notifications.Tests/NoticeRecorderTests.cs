using Kommune20.Messaging;
using Kommune20.Notifications.Data;
using Kommune20.Notifications.Notices;
using Kommune20.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.Notifications.Tests;

/// <summary>
/// Notices over the service's own database: a newer version supersedes the older, a withdrawal supersedes them all and
/// reaches those who followed the record by its topics, and a withdrawal of something never announced is dropped.
/// </summary>
public sealed class NoticeRecorderTests : IDisposable
{
    readonly IsolatedService<Program> _service = new("notifications");

    static Notice Practice(string subject, string title, bool isPublic = true) => new()
    {
        Id = Guid.NewGuid(),
        Type = NoticeTypes.PracticePublished,
        Subject = subject,
        Title = title,
        Topics = ["Digitale Bildung"],
        SdgTargets = ["4.4"],
        IsPublic = isPublic,
        OccurredAt = DateTimeOffset.UtcNow,
    };

    static Notice Withdrawal(string subject) => new()
    {
        Id = Guid.NewGuid(),
        Type = NoticeTypes.PracticeWithdrawn,
        Subject = subject,
        Title = "Praxisbeispiel zurückgezogen",
        IsPublic = true,
        IsWithdrawal = true,
        OccurredAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task A_newer_version_and_then_a_withdrawal_supersede_what_came_before()
    {
        await using var scope = _service.Services.CreateAsyncScope();
        var recorder = scope.ServiceProvider.GetRequiredService<NoticeRecorder>();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDb>();

        await recorder.RecordAsync(Practice("practices/lotsen", "Digitallotsen", isPublic: false), default);
        await recorder.RecordAsync(Practice("practices/lotsen", "Digitallotsinnen und Digitallotsen"), default);
        var current = await db.Notices.AsNoTracking().Where(n => n.SupersededAt == null).ToListAsync();
        Assert.Equal("Digitallotsinnen und Digitallotsen", Assert.Single(current).Title);

        await recorder.RecordAsync(Withdrawal("practices/lotsen"), default);

        Assert.Empty(await db.Notices.AsNoTracking().Where(n => n.SupersededAt == null).ToListAsync());
        var withdrawal = await db.Notices.AsNoTracking().SingleAsync(n => n.IsWithdrawal);
        Assert.Equal(["Digitale Bildung"], withdrawal.Topics);
        Assert.Equal(["4.4"], withdrawal.SdgTargets);
        Assert.True(withdrawal.IsPublic);
        var announced = await db.Set<OutboxMessage>().AsNoTracking().CountAsync(m => m.MessageType.Contains(nameof(NoticeRecorded)));
        Assert.Equal(3, announced);
    }

    [Fact]
    public async Task In_one_batch_a_later_notice_supersedes_an_earlier_one_of_its_subject()
    {
        await using var scope = _service.Services.CreateAsyncScope();
        var recorder = scope.ServiceProvider.GetRequiredService<NoticeRecorder>();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDb>();
        await recorder.RecordAsync(Practice("practices/lotsen", "Digitallotsen"), default);

        await recorder.RecordManyAsync(
        [
            Practice("practices/lotsen", "Digitallotsinnen und Digitallotsen"),
            Practice("practices/plattform", "Datenplattform"),
            Practice("practices/lotsen", "Digitallotsen, ergänzt"),
            Withdrawal("practices/plattform"),
        ], default);

        var current = await db.Notices.AsNoTracking().Where(n => n.SupersededAt == null).ToListAsync();
        Assert.Equal("Digitallotsen, ergänzt", Assert.Single(current).Title);
        var withdrawal = await db.Notices.AsNoTracking().SingleAsync(n => n.IsWithdrawal);
        Assert.Equal("practices/plattform", withdrawal.Subject);
        Assert.Equal(["Digitale Bildung"], withdrawal.Topics);
        var announced = await db.Set<OutboxMessage>().AsNoTracking().CountAsync(m => m.MessageType.Contains(nameof(NoticeRecorded)));
        Assert.Equal(5, announced);
    }

    [Fact]
    public async Task A_withdrawal_of_something_never_announced_is_dropped()
    {
        await using var scope = _service.Services.CreateAsyncScope();
        var recorder = scope.ServiceProvider.GetRequiredService<NoticeRecorder>();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDb>();

        await recorder.RecordAsync(Withdrawal("practices/unbekannt"), default);

        Assert.Empty(await db.Notices.AsNoTracking().ToListAsync());
        Assert.Empty(await db.Set<OutboxMessage>().AsNoTracking().ToListAsync());
    }

    public void Dispose() => _service.Dispose();
}
