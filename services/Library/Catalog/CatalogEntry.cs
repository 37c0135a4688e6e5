using Kommune20.Contracts.Federation;
using Kommune20.Library.Members;

namespace Kommune20.Library.Catalog;

/// <summary>A public practice as the open-data catalogue lists it, with its origin's card and its verified adoptions.</summary>
public sealed record CatalogEntry(Guid Id, PracticeRecord Record, MemberCard? Origin, DateTimeOffset ChangedAt, int VerifiedAdoptions);
