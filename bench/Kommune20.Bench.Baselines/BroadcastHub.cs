using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace Kommune20.Bench.Baselines;

/// <summary>
/// A bare SignalR room for the live room's baseline: a connection joins a room, and a POST sends its JSON body to
/// everyone in the room as <c>QuestionOpened</c>, as Meetings does on opening a question, without the gateway, the
/// token, the database and the audit log.
/// </summary>
public sealed class BroadcastHub : Hub
{
    public const string Path = "/hubs/broadcast";

    public Task Join(Guid roomId) => Groups.AddToGroupAsync(Context.ConnectionId, roomId.ToString());

    public static void Map(WebApplication app)
    {
        app.MapHub<BroadcastHub>(Path);
        app.MapPost("/rooms/{roomId:guid}/broadcast", async (Guid roomId, JsonElement message, IHubContext<BroadcastHub> hub, CancellationToken ct) =>
        {
            await hub.Clients.Group(roomId.ToString()).SendAsync("QuestionOpened", message, ct);
            return TypedResults.Ok(message);
        });
    }
}
