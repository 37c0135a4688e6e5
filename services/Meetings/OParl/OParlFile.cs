namespace Kommune20.Meetings.OParl;

/// <summary>An assembly's final minutes in one format; the file itself is the Meetings API's.</summary>
public sealed record OParlFile(string Id, string Name, string FileName, string MimeType, DateOnly Date, string AccessUrl,
    List<string> Meeting, DateTimeOffset Created, DateTimeOffset Modified) : IOParlObject
{
    public string Type => OParlType.Of("File");
    public string? DownloadUrl { get; init; }

    DateTimeOffset? IOParlObject.Created => Created;
    DateTimeOffset? IOParlObject.Modified => Modified;
}
