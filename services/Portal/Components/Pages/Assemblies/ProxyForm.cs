using Kommune20.Portal.Meetings;

namespace Kommune20.Portal.Components.Pages.Assemblies;

/// <summary>A member's person gives its member's vote to another voting member (the holder).</summary>
public sealed class ProxyForm
{
    /// <summary>The proxy API's fields as the form names them: the member giving its vote is the signed-in person's own.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["holderId"] = "Bevollmächtigtes Mitglied", ["grantorId"] = "Ihr Mitglied",
    };

    public Guid? HolderId { get; set; }

    public ProxyInput ToInput() => new(null, HolderId);
}
