using System.Net.Http.Json;

namespace Kommune20.EndToEnd.Tests.Meetings;

/// <summary>The office's request for a new general assembly in Heilbronn, six hours from <c>startsAt</c>.</summary>
public static class AssemblyDraft
{
    public static Task<HttpResponseMessage> PostAsync(HttpClient office, DateTimeOffset startsAt) =>
        office.PostAsJsonAsync("/api/meetings/assemblies", new
        {
            title = "7. Mitgliederversammlung",
            startsAt,
            endsAt = startsAt.AddHours(6),
            place = "Heilbronn",
            chair = "Max Schulze-Vorberg",
            minuteTaker = "Geschäftsstelle",
        });
}
