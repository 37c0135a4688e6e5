using System.Text.Json;
using Kommune20.Meetings.Assemblies;
using Kommune20.Meetings.Assemblies.Rules;
using Kommune20.Meetings.Data;
using Kommune20.Meetings.Members;
using static Kommune20.Meetings.Documents.GermanTime;
using Kommune20.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Meetings.Seed;

/// <summary>
/// Registered only with <c>Seed:DemoData=true</c>: the association's 6th general assembly in Freiburg im Breisgau
/// (Seed/assembly.json), invited, with its agenda and a member's motion, unless the service holds an assembly already.
/// </summary>
public sealed class DemoAssembly(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DemoAssembly> logger) : BackgroundService
{
    sealed record SeedFile(string Title, string Place, string Chair, string MinuteTaker, int WeeksAhead, TimeOnly StartsAtLocal,
        TimeOnly EndsAtLocal, List<SeedItem> Agenda);
    sealed record SeedItem(string Title, string? Description, SeedMotion? Motion, List<AgendaDocument>? Documents);
    sealed record SeedMotion(Guid FiledBy, string Title, string Text, DecisionKind Kind);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The database is created by the initializer that started before; a first attempt may still meet it busy.
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            try
            {
                await SeedAsync(stoppingToken);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Adding the demo assembly failed (attempt {Attempt} of 10)", attempt);
                await Task.Delay(TimeSpan.FromSeconds(2), clock, stoppingToken);
            }
        }
    }

    async Task SeedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingsDb>();
        if (await db.Assemblies.AnyAsync(ct))
            return;

        var seed = JsonSerializer.Deserialize<SeedFile>(
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Seed", "assembly.json"), ct), Json.Options)!;
        var now = clock.GetUtcNow();
        var day = DateOnly.FromDateTime(now.UtcDateTime).AddDays(7 * seed.WeeksAhead);
        var assembly = new GeneralAssembly
        {
            Id = Guid.NewGuid(),
            Title = seed.Title,
            Place = seed.Place,
            Chair = seed.Chair,
            MinuteTaker = seed.MinuteTaker,
            StartsAt = InBerlin(day, seed.StartsAtLocal),
            EndsAt = InBerlin(day, seed.EndsAtLocal),
            CreatedAt = now,
            InvitedAt = now,
            // Invited like any assembly: every member with a vote today (a silent Registry means another attempt).
            InvitedMemberIds = (await scope.ServiceProvider.GetRequiredService<VotingRegister>().VotingMembersAsync(ct)).Keys.ToList(),
        };
        foreach (var (item, position) in seed.Agenda.Select((item, index) => (item, index + 1)))
        {
            var agendaItem = new AgendaItem
            {
                Id = Guid.NewGuid(),
                AssemblyId = assembly.Id,
                Position = position,
                Title = item.Title,
                Description = item.Description,
                Documents = item.Documents ?? [],
            };
            assembly.Agenda.Add(agendaItem);
            if (item.Motion is { } motion)
                db.Motions.Add(new Motion
                {
                    Id = Guid.NewGuid(),
                    AssemblyId = assembly.Id,
                    AgendaItemId = agendaItem.Id,
                    FiledBy = motion.FiledBy,
                    Title = motion.Title,
                    Text = motion.Text,
                    Kind = motion.Kind,
                    FiledAt = now,
                });
        }
        db.Assemblies.Add(assembly);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Added the demo assembly {Title} on {Day}", assembly.Title, day);
    }
}
