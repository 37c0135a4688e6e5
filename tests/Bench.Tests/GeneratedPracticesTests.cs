using System.Text.Json;
using Kommune20.Bench.Workloads;
using Kommune20.Contracts.Federation;

namespace Kommune20.Bench.Tests;

public sealed class GeneratedPracticesTests
{
    [Fact]
    public void Generated_practices_pass_the_hubs_record_rules()
    {
        Assert.All(Enumerable.Range(0, 2000), number => Assert.Empty(RecordRules.Validate(GeneratedPractices.Practice(number))));
        Assert.All(Enumerable.Range(0, 200), number => Assert.Empty(RecordRules.Validate(GeneratedPractices.Practice(number, revision: 3))));
        Assert.All(Enumerable.Range(0, 2000), number => Assert.Null(RecordRules.OriginIdProblem(GeneratedPractices.OriginId(number))));
    }

    [Fact]
    public void A_practice_is_the_same_record_every_time_and_an_edit_changes_it()
    {
        static string Json(PracticeRecord practice) => JsonSerializer.Serialize(practice);

        Assert.Equal(Json(GeneratedPractices.Practice(12345)), Json(GeneratedPractices.Practice(12345)));
        Assert.NotEqual(Json(GeneratedPractices.Practice(12345)), Json(GeneratedPractices.Practice(12345, revision: 1)));
        Assert.NotEqual(Json(GeneratedPractices.Practice(12345)), Json(GeneratedPractices.Practice(12346)));
    }

    [Fact]
    public void The_library_gets_every_field_of_action_in_similar_numbers()
    {
        var topics = Enumerable.Range(0, 9000).Select(number => GeneratedPractices.Practice(number).Topics[0]).CountBy(topic => topic).ToList();

        Assert.Equal(9, topics.Count);
        Assert.All(topics, topic => Assert.Equal(1000, topic.Value));
    }

    [Fact]
    public void Publications_number_versions_from_the_first_in_a_row()
    {
        var origin = Guid.NewGuid();

        var publications = GeneratedPractices.Publications(origin, 100, 3, firstVersion: 11);

        Assert.Equal([11L, 12, 13], publications.Select(p => p.Origin.Version));
        Assert.Equal(["bench-000100", "bench-000101", "bench-000102"], publications.Select(p => p.Origin.OriginId));
        Assert.All(publications, p => Assert.Equal(origin, p.Origin.OriginMemberId));
    }
}
