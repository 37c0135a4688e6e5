namespace Kommune20.Contracts.Federation;

/// <summary>
/// An event a city organises and announces to the network (a "Digitalität@Heidelberg" talk, the "Forum Digitale Stadt"):
/// when, where (a place, an online address or both), a link to the city's own page, and whether it was called off. The
/// organiser is the record's origin member. Times are instants; the canonical form keeps them in UTC.
/// </summary>
public sealed record CityEventRecord(
    string Title,
    string? Description,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Place,
    string? OnlineUrl,
    string? Link,
    bool Cancelled,
    Visibility Visibility);
