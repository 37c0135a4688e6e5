namespace Kommune20.Meetings.Calendar;

public static class CalendarExtensions
{
    /// <summary>The network calendar and its sources: the assemblies and the cities' events (kept from Federation's events).</summary>
    public static IHostApplicationBuilder AddNetworkCalendar(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ICalendarSource, AssemblyDates>();
        builder.Services.AddScoped<ICalendarSource, CityEventDates>();
        builder.Services.AddScoped<ICalendarSource, ExchangeSessionDates>();
        builder.Services.AddScoped<NetworkCalendar>();
        builder.Services.AddScoped<CityEventReplicas>();
        return builder;
    }
}
