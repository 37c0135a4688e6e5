using System.Net.Http.Json;
using System.Text.Json;
using Kommune20.ServiceDefaults.Problems;

namespace Kommune20.WebUi.Problems;

/// <summary>
/// A refusal from a service (RFC 7807 problem details): its title and, for a validation problem, the messages per
/// JSON field, so a form can show each message beside the field it names; the detail says why and what to do
/// (the notice period an invitation misses, the quorum a vote lacks).
/// </summary>
public sealed record ApiProblem(int Status, string Title, IReadOnlyDictionary<string, string[]> Errors, string? Detail = null)
{
    /// <summary>The messages for a field and its parts ("sdgTargets" also collects "sdgTargets[1]").</summary>
    public string? MessageFor(string field)
    {
        var messages = Errors.Where(error => Belongs(error.Key, field)).SelectMany(error => error.Value).ToList();
        return messages.Count > 0 ? string.Join(" ", messages) : null;
    }

    public bool Names(string field) => Errors.Keys.Any(key => Belongs(key, field));

    static bool Belongs(string key, string field) =>
        key == field || (key.StartsWith(field, StringComparison.Ordinal) && key.Length > field.Length && key[field.Length] is '[' or '.');

    /// <summary>Reads the problem document of a failed response; a body that is not one still yields a German title.</summary>
    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        var status = (int)response.StatusCode;
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try
            {
                var document = await response.Content.ReadFromJsonAsync<ProblemDocument>(cancellationToken);
                if (document is not null)
                    return new ApiProblem(status, document.Title ?? ProblemTitles.For(status), document.Errors ?? new Dictionary<string, string[]>(),
                        string.IsNullOrWhiteSpace(document.Detail) ? null : document.Detail);
            }
            catch (JsonException)
            {
                // Not a problem document after all; fall through to the status's own title.
            }
        }
        return new ApiProblem(status, ProblemTitles.For(status), new Dictionary<string, string[]>());
    }

    sealed record ProblemDocument(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}
