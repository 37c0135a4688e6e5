namespace Kommune20.Registry.Members;

/// <summary>The register's rules for a member record. Errors are keyed by the JSON field they concern.</summary>
public static class MemberRules
{
    public const int MaxNameLength = 200;

    public static Dictionary<string, string[]> Validate(MemberInput input)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (input.Kind is null)
            Fail("kind", "Die Art des Mitglieds fehlt (city, county, region, digital-hub, association, civil-society-network, partner-institution).");
        if (string.IsNullOrWhiteSpace(input.Name))
            Fail("name", "Der Name fehlt.");
        else if (input.Name.Trim().Length > MaxNameLength)
            Fail("name", $"Der Name darf höchstens {MaxNameLength} Zeichen lang sein.");

        var needsAgs = input.Kind is MemberKind.City or MemberKind.County;
        if (string.IsNullOrWhiteSpace(input.Ags))
        {
            if (needsAgs)
                Fail("ags", "Städte und Kreise brauchen einen Amtlichen Gemeindeschlüssel (AGS).");
        }
        else if (Ags.Problem(input.Ags.Trim()) is { } agsProblem)
        {
            Fail("ags", agsProblem);
        }

        var state = FederalStates.Normalize(input.FederalState);
        if (!string.IsNullOrWhiteSpace(input.FederalState) && state is null)
            Fail("federalState", $"\"{input.FederalState}\" ist kein Bundesland.");
        else if (state is not null && !errors.ContainsKey("ags") && !string.IsNullOrWhiteSpace(input.Ags)
                 && FederalStates.OfAgs(input.Ags.Trim()) != state)
            Fail("ags", $"Der AGS {input.Ags.Trim()} gehört zu {FederalStates.OfAgs(input.Ags.Trim())}, nicht zu {state}.");

        if (!string.IsNullOrWhiteSpace(input.Website)
            && !(Uri.TryCreate(input.Website.Trim(), UriKind.Absolute, out var website) && website.Scheme is "http" or "https"))
            Fail("website", "Die Website muss eine vollständige Adresse sein, z. B. https://www.heidelberg.de.");

        if (input.Kind == MemberKind.PartnerInstitution && input.HasVotingRight == true)
            Fail("hasVotingRight", "Partnerinstitutionen haben kein Stimmrecht.");

        if (input.MemberSince is { } since && since > DateOnly.FromDateTime(DateTime.UtcNow))
            Fail("memberSince", "Das Beitrittsdatum darf nicht in der Zukunft liegen.");

        return errors;
    }

    /// <summary>Writes a validated input onto a member; the federal state follows from the AGS when it was left out.</summary>
    public static void Apply(MemberInput input, Member member, DateTimeOffset now)
    {
        var ags = string.IsNullOrWhiteSpace(input.Ags) ? null : input.Ags.Trim();
        member.Kind = input.Kind!.Value;
        member.Name = input.Name!.Trim();
        member.SortKey = Member.SortKeyOf(member.Name);
        member.Ags = ags;
        member.FederalState = FederalStates.Normalize(input.FederalState) ?? (ags is null ? null : FederalStates.OfAgs(ags));
        member.Website = string.IsNullOrWhiteSpace(input.Website) ? null : input.Website.Trim();
        member.MemberSince = input.MemberSince;
        member.Status = input.Status ?? MemberStatus.Active;
        member.HasVotingRight = member.Kind != MemberKind.PartnerInstitution && (input.HasVotingRight ?? true);
        member.UpdatedAt = now;
    }
}
