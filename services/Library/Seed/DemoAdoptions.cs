using Kommune20.Contracts.Library;
using Kommune20.Library.Adoptions;
using Kommune20.Library.Data;
using Kommune20.Library.Practices;
using Kommune20.Messaging;

namespace Kommune20.Library.Seed;

/// <summary>
/// With <c>Seed:DemoData=true</c>, the adoptions the association's documents tell of join Heidelberg's
/// "Digitallotsinnen und Digitallotsen" practice when it first arrives from Heidelberg's node: Pforzheim trained seven
/// employees as Digitallotsen (confirmed by Heidelberg), and the Metropolregion Rhein-Neckar wants to adapt the concept
/// (Marco Brunzel's statement at the 6th general assembly).
/// </summary>
public sealed class DemoAdoptions(LibraryDb db, IConfiguration configuration, TimeProvider clock)
{
    public static readonly Guid Heidelberg = Guid.Parse("6b0e2f1a-0002-4c20-9a20-000000000002");
    public static readonly Guid Pforzheim = Guid.Parse("6b0e2f1a-0003-4c20-9a20-000000000003");
    public static readonly Guid Metropolregion = Guid.Parse("6b0e2f1a-0006-4c20-9a20-000000000006");
    public const string DigitallotsenId = "digitallotsen";

    public void OnFirstArrival(Practice practice)
    {
        if (!configuration.GetValue("Seed:DemoData", false) || practice.OriginMemberId != Heidelberg || practice.OriginId != DigitallotsenId)
            return;

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
        practice.Touch();
    }
}
