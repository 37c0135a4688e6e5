using System.Text.Json;
using Kommune20.Library.Members;
using Kommune20.Library.Practices;
using Kommune20.ServiceDefaults;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Kommune20.Library.Search;

/// <summary>Turns a practice, its origin's card and its verified adoptions into the document the index keeps.</summary>
public static class PracticeDocuments
{
    /// <param name="relay">The card of the network that published it for the city, if one did.</param>
    public static Document Build(Practice practice, MemberCard? origin, int verifiedAdoptions, int currentYear, MemberCard? relay = null)
    {
        var record = practice.Record ?? throw new InvalidOperationException("Only a listed practice is indexed.");
        var card = new PracticeCard(practice.Id, record.Title, record.Summary, practice.OriginMemberId, origin?.Name, origin?.FederalState,
            record.Topics, record.SdgTargets, record.StartYear, record.EndYear, record.FundingProgramme, record.Visibility,
            verifiedAdoptions, practice.ChangedAt, record.SourceProjectKey, practice.RelayedBy, relay?.Name);

        var document = new Document
        {
            new StringField(PracticeFields.Id, practice.Id.ToString(), Field.Store.YES),
            new SortedDocValuesField(PracticeFields.Id, new BytesRef(practice.Id.ToString())),
            new StringField(PracticeFields.Visibility, Visibility(record.Visibility), Field.Store.NO),
            new Int64Field(PracticeFields.Changed, practice.ChangedAt.ToUnixTimeSeconds(), Field.Store.NO),
            new NumericDocValuesField(PracticeFields.Changed, practice.ChangedAt.ToUnixTimeSeconds()),
            new StoredField(PracticeFields.Card, JsonSerializer.Serialize(card, Json.Options)),
            new TextField(PracticeFields.Title, record.Title, Field.Store.YES),
            new TextField(PracticeFields.Goal, record.Goal, Field.Store.YES),
            new TextField(PracticeFields.Description, record.Description, Field.Store.YES),
        };
        if (!string.IsNullOrWhiteSpace(record.Summary))
            document.Add(new TextField(PracticeFields.Summary, record.Summary, Field.Store.YES));
        var keywords = record.Topics.Concat(record.Beneficiaries).Append(record.FundingProgramme).Append(origin?.Name)
            .Append(record.SourceProjectKey)
            .Where(text => !string.IsNullOrWhiteSpace(text));
        document.Add(new TextField(PracticeFields.Keywords, string.Join(" · ", keywords), Field.Store.NO));

        AddFacet(document, PracticeFields.Topic, record.Topics);
        AddFacet(document, PracticeFields.Sdg, record.SdgTargets);
        AddFacet(document, PracticeFields.City, [origin?.Name]);
        AddFacet(document, PracticeFields.State, [origin?.FederalState]);
        AddFacet(document, PracticeFields.Network, origin?.NetworkNames ?? []);
        AddFacet(document, PracticeFields.Funding, [record.FundingProgramme]);
        AddPeriod(document, Period(record.StartYear, record.EndYear, currentYear));
        AddFacet(document, PracticeFields.Adopted, [verifiedAdoptions > 0 ? "true" : "false"]);
        return document;
    }

    public static string Visibility(Contracts.Federation.Visibility visibility) =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(visibility.ToString());

    /// <summary>
    /// The period of a practice: "laufend" or "abgeschlossen", and the years it ran (so that "2021" finds what ran in
    /// 2021). A practice without a start has no period; a long one is cut to its last 30 years.
    /// </summary>
    public static (string Status, int FirstYear, int LastYear)? Period(int? startYear, int? endYear, int currentYear)
    {
        if (startYear is not { } start)
            return null;
        var end = endYear ?? currentYear;
        var status = endYear is null || endYear >= currentYear ? PracticeFields.Ongoing : PracticeFields.Completed;
        return (status, Math.Max(start, end - 29), end);
    }

    /// <summary>
    /// The status is a facet value like any other; each year is a term to filter by, while the facet counts the years
    /// from the first and last year in doc values, two numbers a practice instead of one value a year.
    /// </summary>
    static void AddPeriod(Document document, (string Status, int FirstYear, int LastYear)? period)
    {
        if (period is not var (status, first, last))
            return;
        AddFacet(document, PracticeFields.Period, [status]);
        for (var year = first; year <= last; year++)
            document.Add(new StringField(PracticeFields.Period, PracticeFields.Year(year), Field.Store.NO));
        document.Add(new NumericDocValuesField(PracticeFields.PeriodFirstYear, first));
        document.Add(new NumericDocValuesField(PracticeFields.PeriodLastYear, last));
    }

    static void AddFacet(Document document, string field, IEnumerable<string?> values)
    {
        foreach (var value in values.OfType<string>().Where(v => v.Length > 0).Distinct())
        {
            document.Add(new StringField(field, value, Field.Store.NO));
            document.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
        }
    }
}
