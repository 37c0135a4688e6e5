namespace Kommune20.Contracts.Federation;

/// <summary>
/// When a federated record is well-formed. The city node checks before it records a change, the hub again before it
/// applies one (a node is not trusted to have checked). Errors are keyed by the record's JSON field path
/// ("title", "sdgTargets[1]", "links[0].url") with a German message for the editor.
/// </summary>
public static class RecordRules
{
    public const int MaxOriginIdLength = 100;
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 20_000;
    public const int MaxListLength = 50;
    /// <summary>An event longer than this is a programme, not a calendar entry (a festival week fits).</summary>
    public const int MaxEventDays = 31;
    public const int MinProjectKeyLength = 3;
    public const int MaxProjectKeyLength = 60;
    const int FirstYear = 1900;
    const int LastYear = 2100;

    /// <summary>An origin id is the record's id at its node: lower-case letters, digits and dashes ("digitallotsen").</summary>
    public static string? OriginIdProblem(string? originId) => originId switch
    {
        null or "" => "Die Kennung fehlt.",
        { Length: > MaxOriginIdLength } => $"Die Kennung darf höchstens {MaxOriginIdLength} Zeichen lang sein.",
        _ when !originId.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') || originId[0] == '-' =>
            "Die Kennung besteht aus Kleinbuchstaben, Ziffern und Bindestrichen, z. B. \"digitallotsen\".",
        _ => null,
    };

    /// <summary>
    /// A pilot project's key is part of addresses (<c>/projekte/reallabore-heilbronn</c>): 3 to 60 lower-case letters,
    /// digits and single hyphens between them. Projects checks its keys with it, the federation a practice's source project.
    /// </summary>
    public static string? ProjectKeyProblem(string? key) =>
        key is null || key.Length is < MinProjectKeyLength or > MaxProjectKeyLength || !IsProjectKeyShape(key)
            ? $"Der Schlüssel hat {MinProjectKeyLength} bis {MaxProjectKeyLength} Zeichen: Kleinbuchstaben, Ziffern und Bindestriche (z. B. „reallabore-heilbronn“)."
            : null;

    static bool IsProjectKeyShape(string key) =>
        key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && key[0] != '-' && key[^1] != '-'
        && !key.Contains("--", StringComparison.Ordinal);

    public static Dictionary<string, string[]> Validate(PracticeRecord practice)
    {
        var errors = new Errors();
        errors.RequireText("title", practice.Title, MaxTitleLength);
        errors.OptionalText("summary", practice.Summary, MaxTextLength);
        errors.RequireText("goal", practice.Goal, MaxTextLength);
        errors.RequireText("description", practice.Description, MaxTextLength);
        errors.Year("startYear", practice.StartYear);
        errors.Year("endYear", practice.EndYear);
        if (practice.StartYear is { } start && practice.EndYear is { } end && end < start)
            errors.Add("endYear", "Das Ende liegt vor dem Beginn.");
        errors.Words("topics", practice.Topics);
        errors.Words("beneficiaries", practice.Beneficiaries);
        if (errors.List("sdgTargets", practice.SdgTargets) is { } targets)
        {
            for (var i = 0; i < targets.Count; i++)
            {
                if (!SdgTargets.Exists(targets[i]))
                    errors.Add($"sdgTargets[{i}]", $"\"{targets[i]}\" ist kein Unterziel der SDGs (z. B. 16.6).");
            }
        }
        if (errors.List("contacts", practice.Contacts) is { } contacts)
        {
            for (var i = 0; i < contacts.Count; i++)
            {
                var contact = contacts[i];
                if (contact is null)
                {
                    errors.Add($"contacts[{i}]", "Der Kontakt fehlt.");
                    continue;
                }
                errors.RequireText($"contacts[{i}].role", contact.Role, MaxTitleLength);
                errors.RequireText($"contacts[{i}].organisation", contact.Organisation, MaxTitleLength);
                errors.OptionalText($"contacts[{i}].name", contact.Name, MaxTitleLength);
                if (!string.IsNullOrWhiteSpace(contact.Email) && !LooksLikeEmail(contact.Email))
                    errors.Add($"contacts[{i}].email", "Die E-Mail-Adresse ist ungültig.");
            }
        }
        errors.OptionalText("fundingProgramme", practice.FundingProgramme, MaxTitleLength);
        errors.Links("links", practice.Links);
        if (practice.SourceProjectKey is not null && ProjectKeyProblem(practice.SourceProjectKey) is { } keyProblem)
            errors.Add("sourceProjectKey", keyProblem);
        errors.Visibility(practice.Visibility);
        return errors.ToDictionary();
    }

    public static Dictionary<string, string[]> Validate(CityProfileRecord profile)
    {
        var errors = new Errors();
        errors.RequireText("organisation", profile.Organisation, MaxTextLength);
        if (errors.List("milestones", profile.Milestones) is { } milestones)
        {
            for (var i = 0; i < milestones.Count; i++)
            {
                errors.RequireText($"milestones[{i}].when", milestones[i]?.When, MaxTitleLength);
                errors.RequireText($"milestones[{i}].what", milestones[i]?.What, MaxTextLength);
            }
        }
        errors.OptionalText("motivation", profile.Motivation, MaxTextLength);
        errors.OptionalText("stakeholders", profile.Stakeholders, MaxTextLength);
        errors.Words("networks", profile.Networks);
        errors.Words("competitionsAndFunding", profile.CompetitionsAndFunding);
        errors.Visibility(profile.Visibility);
        return errors.ToDictionary();
    }

    public static Dictionary<string, string[]> Validate(ProjectUpdateRecord update)
    {
        var errors = new Errors();
        if (OriginIdProblem(update.ProjectKey) is { } keyProblem)
            errors.Add("projectKey", keyProblem.Replace("Die Kennung", "Der Projektschlüssel", StringComparison.Ordinal));
        errors.RequireText("title", update.Title, MaxTitleLength);
        errors.RequireText("text", update.Text, MaxTextLength);
        if (update.HappenedOn is { } day && (day.Year < FirstYear || day.Year > LastYear))
            errors.Add("happenedOn", $"Das Datum muss zwischen {FirstYear} und {LastYear} liegen.");
        errors.Visibility(update.Visibility);
        return errors.ToDictionary();
    }

    public static Dictionary<string, string[]> Validate(CityEventRecord cityEvent)
    {
        var errors = new Errors();
        errors.RequireText("title", cityEvent.Title, MaxTitleLength);
        errors.OptionalText("description", cityEvent.Description, MaxTextLength);
        var startsAt = errors.Moment("startsAt", cityEvent.StartsAt, "Der Beginn fehlt.");
        var endsAt = errors.Moment("endsAt", cityEvent.EndsAt, "Das Ende fehlt.");
        if (startsAt is { } start && endsAt is { } end)
        {
            if (end <= start)
                errors.Add("endsAt", "Das Ende liegt nicht nach dem Beginn.");
            else if (end - start > TimeSpan.FromDays(MaxEventDays))
                errors.Add("endsAt", $"Ein Termin dauert höchstens {MaxEventDays} Tage.");
        }
        errors.OptionalText("place", cityEvent.Place, MaxTitleLength);
        if (string.IsNullOrWhiteSpace(cityEvent.Place) && string.IsNullOrWhiteSpace(cityEvent.OnlineUrl))
            errors.Add("place", "Bitte einen Ort oder eine Online-Adresse angeben.");
        errors.OptionalWebAddress("onlineUrl", cityEvent.OnlineUrl);
        errors.OptionalWebAddress("link", cityEvent.Link);
        errors.Visibility(cityEvent.Visibility);
        return errors.ToDictionary();
    }

    static bool LooksLikeEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < value.Length - 3 && value.IndexOf('.', at) > at + 1 && !value.Any(char.IsWhiteSpace);
    }

    static bool IsWebAddress(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;

    sealed class Errors
    {
        readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

        public void Add(string field, string message)
        {
            if (!_byField.TryGetValue(field, out var messages))
                _byField[field] = messages = [];
            messages.Add(message);
        }

        public void RequireText(string field, string? value, int maxLength)
        {
            if (string.IsNullOrWhiteSpace(value))
                Add(field, "Dieses Feld fehlt.");
            else
                OptionalText(field, value, maxLength);
        }

        public void OptionalText(string field, string? value, int maxLength)
        {
            if (value is not null && value.Trim().Length > maxLength)
                Add(field, $"Höchstens {maxLength} Zeichen.");
        }

        public void Year(string field, int? year)
        {
            if (year is { } value && (value < FirstYear || value > LastYear))
                Add(field, $"Das Jahr muss zwischen {FirstYear} und {LastYear} liegen.");
        }

        /// <summary>A point in time that was given and lies within the years records may name; null when it is not one.</summary>
        public DateTimeOffset? Moment(string field, DateTimeOffset value, string missing)
        {
            if (value == default)
            {
                Add(field, missing);
                return null;
            }
            if (value.UtcDateTime.Year < FirstYear || value.UtcDateTime.Year > LastYear)
            {
                Add(field, $"Das Datum muss zwischen {FirstYear} und {LastYear} liegen.");
                return null;
            }
            return value;
        }

        public void OptionalWebAddress(string field, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value) && !IsWebAddress(value))
                Add(field, "Die Adresse muss vollständig sein, z. B. https://www.heidelberg.de.");
        }

        /// <summary>A list may be empty; it may not be missing or too long. Returns it when its items are worth checking.</summary>
        public IReadOnlyList<T>? List<T>(string field, IReadOnlyList<T>? items)
        {
            if (items is null)
            {
                Add(field, "Die Liste fehlt (leer ist erlaubt: []).");
                return null;
            }
            if (items.Count > MaxListLength)
            {
                Add(field, $"Höchstens {MaxListLength} Einträge.");
                return null;
            }
            return items;
        }

        public void Words(string field, IReadOnlyList<string>? items)
        {
            if (List(field, items) is not { } list)
                return;
            for (var i = 0; i < list.Count; i++)
                RequireText($"{field}[{i}]", list[i], MaxTitleLength);
        }

        public void Links(string field, IReadOnlyList<PracticeLink>? links)
        {
            if (List(field, links) is not { } list)
                return;
            for (var i = 0; i < list.Count; i++)
            {
                RequireText($"{field}[{i}].title", list[i]?.Title, MaxTitleLength);
                if (!IsWebAddress(list[i]?.Url))
                    Add($"{field}[{i}].url", "Der Link muss eine vollständige Adresse sein, z. B. https://www.heidelberg.de.");
            }
        }

        public void Visibility(Visibility visibility)
        {
            if (!Enum.IsDefined(visibility))
                Add("visibility", "Die Sichtbarkeit ist public oder network.");
        }

        public Dictionary<string, string[]> ToDictionary() => _byField.ToDictionary(entry => entry.Key, entry => entry.Value.ToArray(), StringComparer.Ordinal);
    }
}
