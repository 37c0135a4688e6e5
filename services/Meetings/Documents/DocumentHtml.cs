using System.Net;
using System.Security.Cryptography;
using System.Text;
using Kommune20.ServiceDefaults.Security;
using Markdig;

namespace Kommune20.Meetings.Documents;

/// <summary>A document's Markdown (minutes, compiled statements) as a standalone, printable HTML page (Markdig).</summary>
public static class DocumentHtml
{
    /// <summary>
    /// Pipe tables for the minutes' attendance, bare web addresses as links (statements quote them so); no raw HTML, so
    /// nothing a member typed becomes markup. The PDF reads the Markdown with the same pipeline.
    /// </summary>
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().DisableHtml().Build();

    const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }
        table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
        th, td { border: 1px solid #888; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
        blockquote { margin: 0.5rem 0 1rem; padding-left: 1rem; border-left: 3px solid #888; }
        a { color: #0b4f9c; overflow-wrap: anywhere; }
        """;

    /// <summary>
    /// The shared content security policy with this page's own style allowed by its hash (CSP level 2): the page is one
    /// file to save or print, and still no other inline style runs. Its endpoints name it with WithContentSecurityPolicy.
    /// </summary>
    public static readonly string ContentSecurityPolicy = SecurityHeaders.ContentSecurityPolicy.Replace(
        "style-src 'self'", $"style-src 'self' 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'");

    /// <param name="title">The page's title, e.g. "Protokoll: 6. Mitgliederversammlung".</param>
    public static string Render(string title, string markdown) => $"""
        <!DOCTYPE html>
        <html lang="de">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{WebUtility.HtmlEncode(title)}</title>
        <style>{Style}</style>
        </head>
        <body>
        <main>
        {Markdown.ToHtml(markdown, Pipeline)}
        </main>
        </body>
        </html>
        """;
}
