using Kommune20.Contracts.Federation;

namespace Kommune20.Contracts.Projects;

/// <summary>
/// An update a participating city or partner posted, from a city node or in the portal, once the hub accepted it; an update
/// from anyone else is quarantined and never announced. A newer version of the same update is announced again under the same
/// <see cref="UpdateId"/>. <see cref="Text"/> and <see cref="Visibility"/> let followers quote it and keep a network-only update
/// out of public feeds.
/// </summary>
public sealed record ProjectUpdatePosted(string Key, string ProjectTitle, Guid UpdateId, string Title, Guid AuthorMemberId,
    DateOnly? HappenedOn, DateTimeOffset PostedAt, string Text = "", Visibility Visibility = Visibility.Public);
