using Kommune20.Meetings.Assemblies;
using Kommune20.Meetings.Assemblies.Rules;
using Kommune20.Meetings.Attendance;
using Kommune20.Meetings.Members;
using Kommune20.Meetings.OParl;
using Kommune20.Meetings.Proceedings;
using Kommune20.Meetings.Seed;
using Kommune20.Meetings.Votes;

namespace Kommune20.Meetings;

public static class MeetingsExtensions
{
    /// <summary>
    /// General assemblies under the association's statutes (<c>Meetings:Statutes</c>): the views, the OParl catalogue, the
    /// live attendance and the minutes' recorder, the lock between ballots and a vote's close, the ballot box that writes ballots together, the open votes' rolls, and the voting register that asks the Registry, whose silence becomes a 503 rather than a 500; with
    /// <c>Seed:DemoData=true</c> the demo's 6th general assembly.
    /// </summary>
    public static IHostApplicationBuilder AddAssemblies(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(builder.Configuration.GetSection("Meetings:Statutes").Get<Statutes>() ?? new Statutes());
        builder.Services.AddSingleton<VoteLock>();
        builder.Services.AddSingleton<FrozenRolls>();
        builder.Services.AddSingleton<BallotBox>();
        builder.Services.AddHostedService(services => services.GetRequiredService<BallotBox>());
        builder.Services.AddScoped<VotingRegister>();
        builder.Services.AddScoped<AssemblyAttendance>();
        builder.Services.AddScoped<AssemblyViews>();
        builder.Services.AddScoped<MinutesRecorder>();
        builder.Services.AddScoped<OParlCatalog>();
        builder.Services.AddExceptionHandler<RegisterUnavailableHandler>();
        if (builder.Configuration.GetValue("Seed:DemoData", false))
            builder.Services.AddHostedService<DemoAssembly>();
        return builder;
    }
}
