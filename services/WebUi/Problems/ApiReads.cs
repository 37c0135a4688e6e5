using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kommune20.WebUi.Problems;

/// <summary>The two answers a page's client reads most: a resource that may not exist, and a write that answers nothing but its refusal.</summary>
public static class ApiReads
{
    /// <summary>The resource at <paramref name="path"/>, or null when the service has none (404); any other failure throws.</summary>
    public static async Task<T?> FindAsync<T>(this HttpClient http, string path, JsonSerializerOptions json, CancellationToken ct) where T : class
    {
        using var response = await http.GetAsync(path, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(json, ct);
    }

    /// <summary>Null when the service did what was asked, else its problem document.</summary>
    public static async Task<ApiProblem?> ProblemOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using (response)
            return response.IsSuccessStatusCode ? null : await ApiProblem.ReadAsync(response, ct);
    }
}
