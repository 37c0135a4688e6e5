using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kommune20.ServiceDefaults.Problems;

public static class ProblemsExtensions
{
    public static IServiceCollection AddKommune20Problems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            ProblemTitles.Germanize(context.ProblemDetails);
            RequestBodyLimit.NameTheBody(context);
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<BadRequestHandler>();
        // Binding failures become exceptions so BadRequestHandler can name the parameter in a problem document.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddValidation();
        return services;
    }
}
