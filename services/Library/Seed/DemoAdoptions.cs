using Kommune20.Contracts.Library;
using Kommune20.Library.Adoptions;
using Kommune20.Library.Data;
using Kommune20.Library.Search;
using Kommune20.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Kommune20.Library.Seed;

/// <summary>
/// Registered only with <c>Seed:DemoData=true</c>: the adoptions the association's documents tell of join Heidelberg's
/// "Digitallotsinnen und Digitallotsen" practice once it has arrived from Heidelberg's node: Pforzheim trained seven
/// employees as Digitallotsen (confirmed by Heidelberg), and the Metropolregion Rhein-Neckar wants to adapt the concept
/// (Marco Brunzel's statement at the 6th general assembly). It runs beside the replicas' write path, never in it: it
/// looks for the practice until it is there, adds the adoptions unless Pforzheim's is there already, and ends.
/// </summary>
public sealed class DemoAdoptions(IServiceScopeFactory scopes, PracticeIndexSignal indexSignal, TimeProvider clock, ILogger<DemoAdoptions> logger)
    : BackgroundService
{
    public static readonly Guid Heidelberg = Guid.Parse("6b0e2f1a-0002-4c20-9a20-000000000002");
    public static readonly Guid Pforzheim = Guid.Parse("6b0e2f1a-0003-4c20-9a20-000000000003");
    public static readonly Guid Metropolregion = Guid.Parse("6b0e2f1a-0006-4c20-9a20-000000000006");
    public const string DigitallotsenId = "digitallotsen";
    static readonly TimeSpan LookAgainAfter = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await TrySeedAsync(stoppingToken))
                    return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Adding the demo adoptions failed; trying again");
            }
            await Task.Delay(LookAgainAfter, clock, stoppingToken);
        }
    }

    /// <summary>True once the adoptions are there (added now or before); false while the practice has not arrived.</summary>
    async Task<bool> TrySeedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LibraryDb>();
        var practice = await db.Practices.AsNoTracking()
            .FirstOrDefaultAsync(p => p.OriginMemberId == Heidelberg && p.OriginId == DigitallotsenId && !p.IsWithdrawn, ct);
        if (practice is not { IsListed: true })
            return false;
        if (await db.Adoptions.AnyAsync(a => a.PracticeId == practice.Id && a.AdopterMemberId == Pforzheim, ct))
            return true;

        var now = clock.GetUtcNow();
        var adoption = new Adoption
        {
            Id = Guid.NewGuid(),
            PracticeId = practice.Id,
            OriginMemberId = Heidelberg,
            AdopterMemberId = Pforzheim,
            Stage = AdoptionStage.Adopted,
            Changes = "Ausbildung über das vom Innenministerium Baden-Württemberg geförderte Programm; Ziel ist mindestens "
                + "ein Digitallotse je Fachamt als Ansprech- und Netzwerkpartner für den künftigen Digitalisierungsbeauftragten.",
            Outcomes = [new AdoptionOutcome(7, "Mitarbeitende zu Digitallotsen ausgebildet"), new AdoptionOutcome(2, "davon Personalräte")],
            DeclaredAt = now,
            ConfirmedAt = now,
        };
        var interest = new AdoptionInterest
        {
            Id = Guid.NewGuid(),
            PracticeId = practice.Id,
            OriginMemberId = Heidelberg,
            MemberId = Metropolregion,
            Statement = "Konzept der Digitallotsen der Stadt Heidelberg adaptieren und in die Welt tragen",
            Source = "6. Mitgliederversammlung in Freiburg im Breisgau, Austauschrunde „Auf dem Weg zu digitalen Ökosystemen“",
            RecordedAt = now,
        };
        db.Adoptions.Add(adoption);
        db.AdoptionInterests.Add(interest);
        db.AddIntegrationEvent(new AdoptionDeclared(adoption.Id, practice.Id, Heidelberg, DigitallotsenId, Pforzheim, adoption.Stage, now));
        db.AddIntegrationEvent(new AdoptionConfirmed(adoption.Id, practice.Id, Heidelberg, DigitallotsenId, Pforzheim, now));
        db.AddIntegrationEvent(new AdoptionInterestRecorded(interest.Id, practice.Id, Heidelberg, DigitallotsenId, Metropolregion, now));
        // The practice is re-indexed (it is adopted now) without writing the replica, which the federation may be changing.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await db.Practices.Where(p => p.Id == practice.Id).ExecuteUpdateAsync(set => set.SetProperty(p => p.Revision, p => p.Revision + 1), ct);
        await transaction.CommitAsync(ct);
        indexSignal.Notify();
        logger.LogInformation("Added the demo adoptions of Heidelberg's Digitallotsen practice");
        return true;
    }
}
