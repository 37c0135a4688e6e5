using System.Security.Claims;
using Kommune20.Meetings.Data;
using Kommune20.Meetings.Exchange.Guests;
using Microsoft.AspNetCore.SignalR;

namespace Kommune20.Meetings.Exchange.Live;

/// <summary>
/// The live room's channel to the participants (SignalR): a signed-in person of a member, or a guest with a pass for the
/// session, joins a session's room and from then on receives what happens there (<see cref="LiveRoom"/> sends it). Everything a participant or moderator does goes
/// through the REST API, with its checks and problem documents; the hub only carries the news.
/// </summary>
public sealed class LiveRoomHub(MeetingsDb db, LiveRoom room) : Hub
{
    public const string Path = "/hubs/meetings/live";

    /// <summary>Joins the session's room and answers its present state, or fails when there is no such session.</summary>
    public async Task<LiveRoomState> Join(Guid sessionId)
    {
        var session = await db.FindSessionAsync(sessionId, Context.ConnectionAborted)
            ?? throw new HubException("Diesen Erfahrungsaustausch gibt es nicht.");
        var user = Context.User ?? new ClaimsPrincipal();
        if (LiveParticipant.In(session.Id, user) is not { } participant)
            throw new HubException(user.GuestId() is null ? LiveParticipant.MembersOnly : LiveParticipant.OtherRoom);
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveRoom.Group(session.Id), Context.ConnectionAborted);
        if (participant.IsGuest)
            await Groups.AddToGroupAsync(Context.ConnectionId, LiveRoom.GuestsGroup(session.Id), Context.ConnectionAborted);
        return await room.StateAsync(session, Context.ConnectionAborted);
    }

    public async Task Leave(Guid sessionId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveRoom.Group(sessionId));
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveRoom.GuestsGroup(sessionId));
    }
}
