using System.Net.Http.Json;
using System.Text.Json;

namespace Kommune20.Bench.Workloads;

/// <summary>The hub's APIs as the setup of a scenario calls them: JSON in, JSON out, and anything but 2xx is a failure of the setup.</summary>
public static class JsonRequests
{
    /// <summary>POSTs <paramref name="body"/> as JSON (no body when null) and returns the answer, or throws with the problem the service gave.</summary>
    public static async Task<JsonElement> PostAsync(HttpClient http, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = body is null
            ? await http.PostAsync(path, null, cancellationToken)
            : await http.PostAsJsonAsync(path, body, cancellationToken);
        return await AnswerAsync(response, "POST", path, cancellationToken);
    }

    /// <summary>PUTs <paramref name="body"/> as JSON and returns the answer, or throws with the problem the service gave.</summary>
    public static async Task<JsonElement> PutAsync(HttpClient http, string path, object body, CancellationToken cancellationToken)
    {
        using var response = await http.PutAsJsonAsync(path, body, cancellationToken);
        return await AnswerAsync(response, "PUT", path, cancellationToken);
    }

    static async Task<JsonElement> AnswerAsync(HttpResponseMessage response, string method, string path, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }
}
