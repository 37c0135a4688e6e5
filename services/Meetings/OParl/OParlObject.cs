namespace Kommune20.Meetings.OParl;

/// <summary>What every OParl object has: its URL, and when it was created and last changed (the lists' filters use them).</summary>
public interface IOParlObject
{
    string Id { get; }
    DateTimeOffset? Created { get; }
    DateTimeOffset? Modified { get; }
}

/// <summary>The schema's type URL of each kind.</summary>
public static class OParlType
{
    public const string Version = "https://schema.oparl.org/1.1/";

    public static string Of(string name) => Version + name;
}
