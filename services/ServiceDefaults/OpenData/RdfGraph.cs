namespace Kommune20.ServiceDefaults.OpenData;

public abstract record RdfNode;

public sealed record Iri(string Value) : RdfNode;

public sealed record BlankNode(string Label) : RdfNode;

/// <summary>A literal with a language ("de") or a datatype (an IRI such as xsd:date), or neither.</summary>
public sealed record Literal(string Value, string? Language = null, string? Datatype = null) : RdfNode;

public sealed record Triple(RdfNode Subject, Iri Predicate, RdfNode Object);

/// <summary>
/// A small RDF graph: the triples in the order they were added, and the prefixes its serialisations use. A large
/// graph is written in windows: <see cref="Clear"/> empties the graph after a window was written, and blank nodes go on
/// being numbered, so that no label of a later window names a node of an earlier one.
/// </summary>
public sealed class RdfGraph(IReadOnlyDictionary<string, string> prefixes)
{
    readonly List<Triple> _triples = [];
    int _blankNodes;

    public IReadOnlyDictionary<string, string> Prefixes => prefixes;
    public IReadOnlyList<Triple> Triples => _triples;

    public BlankNode NewBlankNode() => new("b" + ++_blankNodes);

    public void Clear() => _triples.Clear();

    public Iri Term(string prefixed)
    {
        var colon = prefixed.IndexOf(':');
        return new Iri(prefixes[prefixed[..colon]] + prefixed[(colon + 1)..]);
    }

    public void Add(RdfNode subject, string predicate, RdfNode? value)
    {
        if (value is not null)
            _triples.Add(new Triple(subject, Term(predicate), value));
    }

    public void Add(RdfNode subject, string predicate, string? text, string? language = "de")
    {
        if (!string.IsNullOrWhiteSpace(text))
            Add(subject, predicate, new Literal(text, language));
    }

    /// <summary>The prefixed form of an IRI ("dcat:Dataset") when a prefix covers it and the rest is a plain name.</summary>
    public string? Compact(Iri iri)
    {
        foreach (var (prefix, ns) in prefixes)
        {
            if (iri.Value.StartsWith(ns, StringComparison.Ordinal))
            {
                var local = iri.Value[ns.Length..];
                if (local.Length > 0 && char.IsLetter(local[0]) && local.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
                    return prefix + ":" + local;
            }
        }
        return null;
    }
}
