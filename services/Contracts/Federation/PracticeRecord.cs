namespace Kommune20.Contracts.Federation;

/// <summary>
/// A best practice as a city publishes it (the shape of the "Digitallotsinnen und Digitallotsen" project sheet):
/// goal, period, description, SDG targets, who benefits, contacts, funding programme, topics and links.
/// A transfer report names the pilot project it reports on (<see cref="SourceProjectKey"/>, the key at
/// <c>/api/projects/{key}</c>); older nodes leave it out.
/// </summary>
public sealed record PracticeRecord(
    string Title,
    string? Summary,
    string Goal,
    int? StartYear,
    int? EndYear,
    string Description,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> SdgTargets,
    IReadOnlyList<string> Beneficiaries,
    IReadOnlyList<PracticeContact> Contacts,
    string? FundingProgramme,
    IReadOnlyList<PracticeLink> Links,
    Visibility Visibility,
    string? SourceProjectKey = null)
{
    /// <summary>Ongoing when the period has a start and no end ("2019 – heute").</summary>
    public bool IsOngoing => StartYear is not null && EndYear is null;
}

/// <summary>A contact by role and organisation; a person's name and e-mail only where the city made them public.</summary>
public sealed record PracticeContact(string Role, string Organisation, string? Name, string? Email);

public sealed record PracticeLink(string Title, string Url);
