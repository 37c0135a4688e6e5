using System.Net;
using System.Net.Http.Json;
using Kommune20.Portal.Registry;
using Kommune20.ServiceDefaults;
using Kommune20.WebUi.Problems;

namespace Kommune20.Portal.Projects;

/// <summary>
/// The pilot projects' public API behind the gateway (<c>/api/projects</c>), called with the signed-in person's token. The
/// service decides who may move, extend, measure or post; a refusal comes back as its problem document.
/// </summary>
public sealed class ProjectsClient(HttpClient http)
{
    public async Task<ApiResult<PagedList<ProjectSummary>>> ListAsync(ProjectFilter filter, CancellationToken ct = default) =>
        await ReadAsync<PagedList<ProjectSummary>>(await http.GetAsync(filter.ApiQuery(), ct), ct);

    /// <summary>Every project (at most the API's largest page), for the filters' choices.</summary>
    public async Task<IReadOnlyList<ProjectSummary>> AllAsync(CancellationToken ct = default) =>
        (await http.GetFromJsonAsync<PagedList<ProjectSummary>>("/api/projects?pageSize=100", Json.Options, ct))?.Items ?? [];

    /// <summary>The project, or null when there is none with this key.</summary>
    public async Task<ProjectDetail?> GetAsync(string key, CancellationToken ct = default)
    {
        using var response = await http.GetAsync(Path(key), ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ProjectDetail>(Json.Options, ct);
    }

    public Task<ApiResult<ProjectDetail>> MoveAsync(string key, PhaseInput input, CancellationToken ct = default) =>
        PostAsync<ProjectDetail>($"{Path(key)}/phase", input, ct);

    public Task<ApiResult<ProjectDetail>> ExtendAsync(string key, ExtensionInput input, CancellationToken ct = default) =>
        PostAsync<ProjectDetail>($"{Path(key)}/extensions", input, ct);

    public Task<ApiResult<Milestone>> AddMilestoneAsync(string key, MilestoneInput input, CancellationToken ct = default) =>
        PostAsync<Milestone>($"{Path(key)}/milestones", input, ct);

    public Task<ApiResult<Milestone>> ReachMilestoneAsync(string key, Guid milestoneId, MilestoneReachedInput input, CancellationToken ct = default) =>
        PostAsync<Milestone>($"{Path(key)}/milestones/{milestoneId}/reached", input, ct);

    public Task<ApiResult<ProjectUpdate>> PostUpdateAsync(string key, UpdateInput input, CancellationToken ct = default) =>
        PostAsync<ProjectUpdate>($"{Path(key)}/updates", input, ct);

    public Task<ApiResult<Measurement>> MeasureAsync(string key, MeasurementInput input, CancellationToken ct = default) =>
        PostAsync<Measurement>($"{Path(key)}/acceptance", input, ct);

    static string Path(string key) => "/api/projects/" + Uri.EscapeDataString(key);

    async Task<ApiResult<T>> PostAsync<T>(string path, object input, CancellationToken ct) =>
        await ReadAsync<T>(await http.PostAsJsonAsync(path, input, Json.Options, ct), ct);

    static Task<ApiResult<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) => ApiResult<T>.ReadAsync(response, ct, Json.Options);
}
