namespace Kommune20.Meetings.OParl;

/// <summary>The OParl entry point at <c>/oparl/v1.1</c>: which version, and where the bodies are.</summary>
public sealed record OParlSystem(string Id, string Body, string Name, string Website)
{
    public string Type => OParlType.Of("System");
    public string OparlVersion => OParlType.Version;
}

/// <summary>
/// The association as an OParl body (Körperschaft), with its lists. It has no legislative terms (an association's
/// assemblies are not elected councils), so that required list is empty.
/// </summary>
public sealed record OParlBody(string Id, string System, string Name, string ShortName, string Website, string Organization,
    string Person, string Meeting, string Paper, string AgendaItem, string Consultation, string File,
    string LocationList, DateTimeOffset? Created, DateTimeOffset? Modified) : IOParlObject
{
    public string Type => OParlType.Of("Body");
    public string Classification => "Verein";
    public List<object> LegislativeTerm => [];
}
