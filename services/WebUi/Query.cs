namespace Kommune20.WebUi;

/// <summary>Builds a query string from the values that are set, so addresses stay short and shareable.</summary>
public static class Query
{
    public static string Build(params (string Key, string? Value)[] parameters)
    {
        var set = parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToList();
        return set.Count == 0
            ? ""
            : "?" + string.Join("&", set.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value!.Trim())));
    }
}
