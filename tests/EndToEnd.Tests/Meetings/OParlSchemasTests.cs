using System.Text.Json;
using Xunit.Sdk;

namespace Kommune20.EndToEnd.Tests.Meetings;

/// <summary>The walk's validation bites: an object the official schemas refuse fails the walk.</summary>
public sealed class OParlSchemasTests
{
    [Theory]
    [InlineData("""{ "id": "http://localhost:8080/oparl/v1.1/meetings/1", "type": "https://schema.oparl.org/1.0/Meeting" }""")]
    [InlineData("""{ "id": "http://localhost:8080/oparl/v1.1/meetings/1", "type": "https://schema.oparl.org/1.1/Meeting", "start": "morgen" }""")]
    [InlineData("""{ "id": "http://localhost:8080/oparl/v1.1/meetings/1", "type": "https://schema.oparl.org/1.1/Meeting", "cancelled": null }""")]
    [InlineData("""{ "type": "https://schema.oparl.org/1.1/Meeting" }""")]
    public async Task A_meeting_the_schema_refuses_fails(string meeting)
    {
        var schemas = await OParlSchemas.LoadAsync();

        Assert.Throws<TrueException>(() => schemas.AssertValid("Meeting", JsonDocument.Parse(meeting).RootElement));
    }
}
