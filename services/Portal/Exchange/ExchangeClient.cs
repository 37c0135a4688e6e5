using System.Net;
using System.Net.Http.Json;
using Kommune20.ServiceDefaults;
using Kommune20.WebUi.Problems;

namespace Kommune20.Portal.Exchange;

/// <summary>
/// The exchange sessions' API behind the gateway (<c>/api/meetings/exchange-sessions</c>), called with the signed-in
/// person's token: the sessions, a panelist's statements, the moderators' desk and the live room. The service decides who
/// may do what; a refusal comes back as its problem document.
/// </summary>
public sealed class ExchangeClient(HttpClient http)
{
    public const int PageSize = 20;
    const string Sessions = "/api/meetings/exchange-sessions";

    public async Task<SessionPage> ListAsync(int page, CancellationToken ct = default) =>
        await http.GetFromJsonAsync<SessionPage>($"{Sessions}?page={page}&pageSize={PageSize}", Json.Options, ct) ?? new SessionPage([], page, PageSize, 0);

    public Task<SessionDetail?> GetAsync(Guid id, CancellationToken ct = default) => FindAsync<SessionDetail>($"{Sessions}/{id}", ct);

    /// <summary>The signed-in panelist's questions and statements, or null for anyone not on the panel.</summary>
    public Task<MyPanel?> MineAsync(Guid id, CancellationToken ct = default) => FindAsync<MyPanel>($"{Sessions}/{id}/statements/mine", ct);

    public async Task<ApiResult<Statement>> WriteAsync(Guid id, StatementInput input, CancellationToken ct = default) =>
        await ReadAsync<Statement>(await http.PostAsJsonAsync($"{Sessions}/{id}/statements", input, Json.Options, ct), ct);

    public async Task<ApiResult<Statement>> ChangeAsync(Guid id, Guid statementId, StatementTextInput input, CancellationToken ct = default) =>
        await ReadAsync<Statement>(await http.PutAsJsonAsync($"{Sessions}/{id}/statements/{statementId}", input, Json.Options, ct), ct);

    /// <summary>Removes a statement; the problem when it cannot be (not the person's own, the results published).</summary>
    public async Task<ApiProblem?> RemoveAsync(Guid id, Guid statementId, CancellationToken ct = default)
    {
        using var response = await http.DeleteAsync($"{Sessions}/{id}/statements/{statementId}", ct);
        return response.IsSuccessStatusCode ? null : await ApiProblem.ReadAsync(response, ct);
    }

    /// <summary>Who answered what, or null for anyone but the session's moderators.</summary>
    public Task<SessionProgress?> ProgressAsync(Guid id, CancellationToken ct = default) => FindAsync<SessionProgress>($"{Sessions}/{id}/progress", ct);

    public async Task<ApiResult<Reminder>> RemindAsync(Guid id, Guid panelistId, CancellationToken ct = default) =>
        await ReadAsync<Reminder>(await http.PostAsync($"{Sessions}/{id}/panelists/{panelistId}/reminders", null, ct), ct);

    public async Task<ApiResult<GuidingQuestion>> OpenQuestionAsync(Guid id, Guid questionId, CancellationToken ct = default) =>
        await ReadAsync<GuidingQuestion>(await http.PostAsync($"{Sessions}/{id}/questions/{questionId}/opening", null, ct), ct);

    public async Task<ApiResult<SessionDetail>> PublishAsync(Guid id, CancellationToken ct = default) =>
        await ReadAsync<SessionDetail>(await http.PostAsync($"{Sessions}/{id}/results", null, ct), ct);

    /// <summary>The live room's state, or null for anyone who does not take part (a person of no member).</summary>
    public Task<LiveRoomState?> LiveAsync(Guid id, CancellationToken ct = default) => FindAsync<LiveRoomState>($"{Sessions}/{id}/live", ct);

    public async Task<ApiResult<AudienceQuestion>> AskAsync(Guid id, AudienceQuestionInput input, CancellationToken ct = default) =>
        await ReadAsync<AudienceQuestion>(await http.PostAsJsonAsync($"{Sessions}/{id}/audience-questions", input, Json.Options, ct), ct);

    public async Task<ApiResult<AudienceQuestion>> UpvoteAsync(Guid id, Guid questionId, CancellationToken ct = default) =>
        await ReadAsync<AudienceQuestion>(await http.PostAsync($"{Sessions}/{id}/audience-questions/{questionId}/votes", null, ct), ct);

    public async Task<ApiResult<AudienceQuestion>> MarkAnsweredAsync(Guid id, Guid questionId, CancellationToken ct = default) =>
        await ReadAsync<AudienceQuestion>(await http.PostAsync($"{Sessions}/{id}/audience-questions/{questionId}/answered", null, ct), ct);

    public async Task<ApiResult<Takeaway>> RecordTakeawayAsync(Guid id, TakeawayInput input, CancellationToken ct = default) =>
        await ReadAsync<Takeaway>(await http.PostAsJsonAsync($"{Sessions}/{id}/takeaways", input, Json.Options, ct), ct);

    /// <summary>The compiled statements as the service answers them (the document, or its refusal), for the portal to pass on.</summary>
    public Task<HttpResponseMessage> DocumentAsync(Guid id, string format, string? by, CancellationToken ct = default) =>
        http.GetAsync($"{Sessions}/{id}/statements.{format}{(by is null ? "" : $"?by={Uri.EscapeDataString(by)}")}",
            HttpCompletionOption.ResponseHeadersRead, ct);

    async Task<T?> FindAsync<T>(string path, CancellationToken ct) where T : class
    {
        using var response = await http.GetAsync(path, ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
            return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(Json.Options, ct);
    }

    static Task<ApiResult<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) => ApiResult<T>.ReadAsync(response, ct, Json.Options);
}
