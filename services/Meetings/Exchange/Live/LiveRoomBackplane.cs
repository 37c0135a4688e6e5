using Kommune20.ServiceDefaults;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace Kommune20.Meetings.Exchange.Live;

/// <summary>
/// Several Meetings instances share one live room through Redis (<c>ConnectionStrings:Redis</c>): SignalR's Redis backplane
/// hands what one instance sends to a room's group to every instance, which passes it to the connections it holds. Its
/// channels begin with <c>Redis:ChannelPrefix</c> (<see cref="DefaultChannelPrefix"/> unless set), so that several networks
/// or test hubs on one Redis do not hear each other's rooms. Redis is part of readiness.
/// </summary>
public static class LiveRoomBackplane
{
    public const string DefaultChannelPrefix = "kommune20";

    public static ISignalRServerBuilder AddLiveRoomBackplane(this ISignalRServerBuilder signalR, IHostApplicationBuilder builder)
    {
        // Without Redis a room's groups live in this process's memory, which is all a single instance needs (nothing more
        // to run on a developer's machine or in an in-process test); a second instance would then hold a room of its own.
        if (builder.Configuration.GetConnectionString("Redis") is not { Length: > 0 } redis)
            return signalR;
        var options = ConfigurationOptions.Parse(redis);
        options.ChannelPrefix = RedisChannel.Literal(builder.Configuration["Redis:ChannelPrefix"] ?? DefaultChannelPrefix);
        // Starts while Redis is away and keeps reconnecting; meanwhile readiness says so.
        options.AbortOnConnectFail = false;
        var connection = new BackplaneConnection(options);
        builder.Services.AddSingleton(connection);
        builder.Services.AddHealthChecks().AddCheck<BackplaneConnection>("redis", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return signalR.AddStackExchangeRedis(backplane =>
        {
            backplane.Configuration = options;
            backplane.ConnectionFactory = connection.ConnectAsync;
        });
    }
}
