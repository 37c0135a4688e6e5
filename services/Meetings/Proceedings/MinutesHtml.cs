using System.Net;
using Markdig;

namespace Kommune20.Meetings.Proceedings;

/// <summary>The minutes' Markdown as a standalone, printable HTML page (Markdig; raw HTML in the Markdown stays text).</summary>
public static class MinutesHtml
{
    /// <summary>Pipe tables for the attendance; no raw HTML, so nothing a member typed becomes markup.</summary>
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }
        table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
        th, td { border: 1px solid #888; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
        blockquote { margin: 0.5rem 0 1rem; padding-left: 1rem; border-left: 3px solid #888; }
        """;

    public static string Render(string title, string markdown) => $"""
        <!DOCTYPE html>
        <html lang="de">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Protokoll: {WebUtility.HtmlEncode(title)}</title>
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
