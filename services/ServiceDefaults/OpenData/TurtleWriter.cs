using System.Text;

namespace Kommune20.ServiceDefaults.OpenData;

/// <summary>
/// Writes an <see cref="RdfGraph"/> as Turtle: prefixes, then each subject with its predicates and objects. A graph
/// written in windows (<see cref="WriteAsync"/>) may state a subject in several windows, which Turtle allows.
/// </summary>
public static class TurtleWriter
{
    const string RdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

    public static string Write(RdfGraph graph)
    {
        var turtle = new StringBuilder();
        AppendPrefixes(turtle, graph.Prefixes);
        AppendSubjects(turtle, graph);
        return turtle.ToString();
    }

    /// <summary>Writes each window of a graph to <paramref name="destination"/> as it comes, so the whole graph is never in memory.</summary>
    public static async Task WriteAsync(Stream destination, IReadOnlyDictionary<string, string> prefixes, IAsyncEnumerable<RdfGraph> windows, CancellationToken ct)
    {
        await using var writer = new StreamWriter(destination, new UTF8Encoding(false), leaveOpen: true);
        var turtle = new StringBuilder();
        AppendPrefixes(turtle, prefixes);
        await foreach (var window in windows.WithCancellation(ct))
        {
            AppendSubjects(turtle, window);
            await writer.WriteAsync(turtle, ct);
            await writer.FlushAsync(ct);
            turtle.Clear();
        }
        await writer.WriteAsync(turtle, ct);
    }

    static void AppendPrefixes(StringBuilder turtle, IReadOnlyDictionary<string, string> prefixes)
    {
        foreach (var (prefix, ns) in prefixes)
            turtle.Append("@prefix ").Append(prefix).Append(": <").Append(EscapeIri(ns)).Append("> .\n");
    }

    static void AppendSubjects(StringBuilder turtle, RdfGraph graph)
    {
        foreach (var subject in graph.Triples.GroupBy(t => t.Subject))
        {
            turtle.Append('\n').Append(Node(graph, subject.Key));
            var predicates = subject.GroupBy(t => t.Predicate).ToList();
            for (var i = 0; i < predicates.Count; i++)
            {
                var predicate = predicates[i].Key.Value == RdfType ? "a" : Node(graph, predicates[i].Key);
                turtle.Append(i == 0 ? " " : "\n    ").Append(predicate).Append(' ')
                    .AppendJoin(", ", predicates[i].Select(t => Node(graph, t.Object)))
                    .Append(i == predicates.Count - 1 ? " .\n" : " ;");
            }
        }
    }

    static string Node(RdfGraph graph, RdfNode node) => node switch
    {
        Iri iri => graph.Compact(iri) ?? "<" + EscapeIri(iri.Value) + ">",
        BlankNode blank => "_:" + blank.Label,
        Literal { Language: { } language } literal => Quote(literal.Value) + "@" + language,
        Literal { Datatype: { } datatype } literal => Quote(literal.Value) + "^^" + Node(graph, new Iri(datatype)),
        Literal literal => Quote(literal.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    static string Quote(string value)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }

    // Characters Turtle does not allow inside <...>, percent-encoded.
    static string EscapeIri(string iri)
    {
        var escaped = new StringBuilder();
        foreach (var c in iri)
        {
            if (c <= ' ' || c is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\')
                escaped.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else
                escaped.Append(c);
        }
        return escaped.ToString();
    }
}
