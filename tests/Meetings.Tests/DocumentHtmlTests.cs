using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Kommune20.Meetings.Documents;

namespace Kommune20.Meetings.Tests;

/// <summary>The minutes' and the statements' HTML pages keep their one inline style under the content security policy.</summary>
public sealed class DocumentHtmlTests
{
    [Fact]
    public void The_pages_own_style_and_no_other_is_allowed_by_its_hash()
    {
        var page = DocumentHtml.Render("Protokoll", "# Protokoll\n\nText mit https://www.kommune20.de");
        var style = Regex.Match(page, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)));

        Assert.Contains($"style-src 'self' 'sha256-{hash}'", DocumentHtml.ContentSecurityPolicy);
        Assert.DoesNotContain("unsafe-inline", DocumentHtml.ContentSecurityPolicy);
        Assert.Contains("script-src 'self'", DocumentHtml.ContentSecurityPolicy);
        Assert.Single(Regex.Matches(page, "<style"));
    }
}
