using System.Security.Claims;
using Kommune20.Meetings.Exchange.Guests;
using Kommune20.ServiceDefaults.Problems;
using Kommune20.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kommune20.Meetings.Exchange.Live;

/// <summary>
/// Who takes part in a session's live room: a signed-in person of a member organisation (a client does not), or a guest
/// whose pass is for this very session. A guest's id is their pass's, never a person's: the two never meet in a check.
/// </summary>
public sealed record LiveParticipant(Guid Id, bool IsGuest, string Name)
{
    public const string Policy = "live-room";

    public static LiveParticipant? In(Guid sessionId, ClaimsPrincipal user)
    {
        if (user.GuestId() is { } guest)
            return user.GuestSessionId() == sessionId ? new(guest, true, user.FindFirstValue(Kommune20Claims.Name) ?? GuestPasses.DefaultName) : null;
        return user.PersonId() is { } person && user.GetMemberId() is not null
            ? new(person, false, user.FindFirstValue(Kommune20Claims.Name) ?? "Teilnehmende Person")
            : null;
    }

    /// <summary>Why <paramref name="user"/> is not in the room (403): a guest of another session, or no person of a member.</summary>
    public static ProblemHttpResult Refusal(ClaimsPrincipal user) => user.GuestId() is not null
        ? Refusals.Forbidden(OtherRoom, "Ein Gastcode öffnet den Live-Raum des Erfahrungsaustauschs, für den die Moderation ihn ausgegeben hat.")
        : Refusals.Forbidden(MembersOnly,
            "Fragen stellen und unterstützen angemeldete Personen einer Mitgliedsorganisation und Gäste mit einem Code der Moderation; ein Client nimmt nicht teil.");

    public const string OtherRoom = "Dieser Gastzugang gilt für einen anderen Erfahrungsaustausch.";
    public const string MembersOnly = "Am Live-Raum nehmen Personen der Mitglieder und Gäste mit Code teil.";
}
