namespace Kommune20.Meetings.Practices;

public static class PracticeLinksExtensions
{
    /// <summary>The library's practices that statements and takeaways link to, kept from Federation's practice events.</summary>
    public static IHostApplicationBuilder AddPracticeLinks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<LibraryPractices>();
        return builder;
    }
}
