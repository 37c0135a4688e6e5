using System.Net.Http.Json;
using System.Text.Json;

namespace Kommune20.WebUi.Problems;

/// <summary>The outcome of a write through a service's API: the stored value, or the problem the service named.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool Succeeded => Problem is null;

    /// <param name="json">How the service writes its JSON; the web defaults when null.</param>
    public static async Task<ApiResult<T>> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken = default, JsonSerializerOptions? json = null)
    {
        using (response)
        {
            return response.IsSuccessStatusCode
                ? new ApiResult<T>(await response.Content.ReadFromJsonAsync<T>(json, cancellationToken), null)
                : new ApiResult<T>(default, await ApiProblem.ReadAsync(response, cancellationToken));
        }
    }
}
