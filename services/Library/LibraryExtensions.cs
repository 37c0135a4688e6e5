using Kommune20.Library.Adoptions;
using Kommune20.Library.Members;
using Kommune20.Library.Portraits;
using Kommune20.Library.Practices;
using Kommune20.Library.Search;
using Kommune20.Library.Seed;

namespace Kommune20.Library;

public static class LibraryExtensions
{
    /// <summary>The replicas (practices, cities' portraits), adoptions and member cards, and what keeps them: consumers' services, the member directory that asks the Registry, and, with <c>Seed:DemoData=true</c> only, the demo adoptions.</summary>
    public static IHostApplicationBuilder AddLibraryRecords(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<PracticeReplicas>();
        builder.Services.AddScoped<CityPortraits>();
        builder.Services.AddScoped<MemberCards>();
        builder.Services.AddScoped<MemberDirectory>();
        builder.Services.AddScoped<AdoptionViews>();
        if (builder.Configuration.GetValue("Seed:DemoData", false))
            builder.Services.AddHostedService<DemoAdoptions>();
        return builder;
    }

    /// <summary>The Lucene index of practices, the indexer that keeps it in step with the database, and the search over it.</summary>
    public static IHostApplicationBuilder AddLibrarySearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PracticeIndex>();
        builder.Services.AddSingleton<PracticeIndexSignal>();
        builder.Services.AddSingleton<PracticeSearch>();
        builder.Services.AddHostedService<PracticeIndexer>();
        return builder;
    }
}
