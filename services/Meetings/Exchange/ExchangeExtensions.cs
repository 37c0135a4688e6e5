using Kommune20.Meetings.Exchange.Live;
using Kommune20.Meetings.Seed;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Kommune20.Meetings.Exchange;

public static class ExchangeExtensions
{
    /// <summary>
    /// Exchange sessions: the live room (SignalR; a browser's WebSocket carries its token in the query string, which is
    /// read on the hub's path only; shared by several instances through Redis when configured) and, with
    /// <c>Seed:DemoData=true</c>, the demo's Freiburg session.
    /// </summary>
    public static IHostApplicationBuilder AddExchangeSessions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSignalR().AddLiveRoomBackplane(builder);
        builder.Services.AddScoped<LiveRoom>();
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            options.Events ??= new JwtBearerEvents();
            var before = options.Events.OnMessageReceived;
            options.Events.OnMessageReceived = async context =>
            {
                await before(context);
                if (context.Token is null && context.HttpContext.Request.Path.StartsWithSegments(LiveRoomHub.Path)
                    && context.Request.Query["access_token"] is [{ Length: > 0 } token])
                    context.Token = token;
            };
        });
        if (builder.Configuration.GetValue("Seed:DemoData", false))
            builder.Services.AddHostedService<DemoExchangeSession>();
        return builder;
    }
}
