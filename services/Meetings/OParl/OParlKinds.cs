namespace Kommune20.Meetings.OParl;

/// <summary>The path segments of the object kinds: a list at <c>/bodies/kommune20/{kind}</c>, an object at <c>/{kind}/{key}</c>.</summary>
public static class OParlKinds
{
    public const string Organizations = "organizations";
    public const string People = "people";
    public const string Meetings = "meetings";
    public const string AgendaItems = "agenda-items";
    public const string Papers = "papers";
    public const string Consultations = "consultations";
    public const string Files = "files";
    public const string Locations = "locations";
}
