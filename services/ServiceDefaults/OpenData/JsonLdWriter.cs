using System.Text;
using System.Text.Json;

namespace Kommune20.ServiceDefaults.OpenData;

/// <summary>
/// Writes an <see cref="RdfGraph"/> as JSON-LD: the prefixes as the context, one node object per subject in <c>@graph</c>.
/// A graph written in windows (<see cref="WriteAsync"/>) may describe a subject in several windows, as several node
/// objects with the same <c>@id</c>, which JSON-LD merges into one node.
/// </summary>
public static class JsonLdWriter
{
    const string RdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    static readonly JsonWriterOptions Options = new() { Indented = true };

    public static string Write(RdfGraph graph)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            WriteStart(json, graph.Prefixes);
            WriteSubjects(json, graph);
            WriteEnd(json);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes each window of a graph to <paramref name="destination"/> as it comes, so the whole graph is never in memory.</summary>
    public static async Task WriteAsync(Stream destination, IReadOnlyDictionary<string, string> prefixes, IAsyncEnumerable<RdfGraph> windows, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(destination, Options);
        WriteStart(json, prefixes);
        await foreach (var window in windows.WithCancellation(ct))
        {
            WriteSubjects(json, window);
            await json.FlushAsync(ct);
        }
        WriteEnd(json);
        await json.FlushAsync(ct);
    }

    static void WriteStart(Utf8JsonWriter json, IReadOnlyDictionary<string, string> prefixes)
    {
        json.WriteStartObject();
        json.WriteStartObject("@context");
        foreach (var (prefix, ns) in prefixes)
            json.WriteString(prefix, ns);
        json.WriteEndObject();
        json.WriteStartArray("@graph");
    }

    static void WriteEnd(Utf8JsonWriter json)
    {
        json.WriteEndArray();
        json.WriteEndObject();
    }

    static void WriteSubjects(Utf8JsonWriter json, RdfGraph graph)
    {
        foreach (var subject in graph.Triples.GroupBy(t => t.Subject))
        {
            json.WriteStartObject();
            json.WriteString("@id", Id(graph, subject.Key));
            foreach (var predicate in subject.GroupBy(t => t.Predicate))
            {
                if (predicate.Key.Value == RdfType)
                {
                    json.WriteStartArray("@type");
                    foreach (var type in predicate)
                        json.WriteStringValue(Id(graph, type.Object));
                    json.WriteEndArray();
                    continue;
                }
                json.WriteStartArray(Id(graph, predicate.Key));
                foreach (var triple in predicate)
                    WriteValue(json, graph, triple.Object);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
    }

    static void WriteValue(Utf8JsonWriter json, RdfGraph graph, RdfNode node)
    {
        json.WriteStartObject();
        if (node is Literal literal)
        {
            json.WriteString("@value", literal.Value);
            if (literal.Language is not null)
                json.WriteString("@language", literal.Language);
            if (literal.Datatype is not null)
                json.WriteString("@type", Id(graph, new Iri(literal.Datatype)));
        }
        else
        {
            json.WriteString("@id", Id(graph, node));
        }
        json.WriteEndObject();
    }

    static string Id(RdfGraph graph, RdfNode node) => node switch
    {
        Iri iri => graph.Compact(iri) ?? iri.Value,
        BlankNode blank => "_:" + blank.Label,
        _ => throw new ArgumentOutOfRangeException(nameof(node), "A literal has no id."),
    };
}
