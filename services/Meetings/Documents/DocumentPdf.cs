using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Kommune20.Meetings.Documents;

/// <summary>
/// A document's Markdown (minutes, compiled statements) as an A4 PDF (PDFsharp): the Markdig syntax tree laid out block
/// by block (headings, paragraphs with bold runs and links, lists, quotes, tables), wrapped word by word and continued on
/// new pages, each page numbered. A link stays one: its words are drawn blue and clickable, and where its text is not
/// the address itself the address follows in parentheses, so a printed copy keeps it too.
/// </summary>
public static class DocumentPdf
{
    static DocumentPdf() => GlobalFontSettings.FontResolver = new DocumentFonts();

    /// <param name="title">The PDF's title, e.g. "Protokoll: 6. Mitgliederversammlung".</param>
    public static byte[] Render(string title, string markdown)
    {
        var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "Kommune20";
        using (var layout = new PdfLayout(document))
        {
            foreach (var block in Markdown.Parse(markdown, DocumentHtml.Pipeline))
                layout.Block(block, indent: 0);
        }
        NumberPages(document);
        using var bytes = new MemoryStream();
        document.Save(bytes);
        return bytes.ToArray();
    }

    static void NumberPages(PdfDocument document)
    {
        var font = new XFont(DocumentFonts.Family, 8);
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            gfx.DrawString($"Seite {i + 1} von {document.PageCount}", font, XBrushes.Gray,
                new XRect(0, page.Height.Point - PdfLayout.Margin + 20, page.Width.Point, 12), XStringFormats.TopCenter);
        }
    }

    /// <summary>A piece of text in one weight, part of a link to <see cref="Url"/> or not; paragraphs are lists of runs.</summary>
    readonly record struct Run(string Text, bool Bold, string? Url = null);

    sealed class PdfLayout(PdfDocument document) : IDisposable
    {
        public const double Margin = 56;
        const double BodySize = 10;
        const double LineSpacing = 1.35;
        const double CellPadding = 4;

        XGraphics? gfx;
        PdfPage? page;
        double y;

        XGraphics Graphics => gfx ?? NewPage();
        double Bottom => page!.Height.Point - Margin;
        double TextWidth => page!.Width.Point - 2 * Margin;

        public void Block(Block block, double indent)
        {
            _ = Graphics;
            switch (block)
            {
                case HeadingBlock heading:
                    var size = heading.Level switch { 1 => 16, 2 => 13, _ => 11.5 };
                    y += heading.Level == 1 ? 0 : size * 0.6;
                    // A heading never ends a page: keep room for two lines of what follows.
                    Paragraph(Runs(heading.Inline, bold: true), size, indent, keepWith: 2 * BodySize * LineSpacing);
                    y += size * 0.4;
                    break;
                case ParagraphBlock paragraph:
                    Paragraph(Runs(paragraph.Inline, bold: false), BodySize, indent);
                    y += BodySize * 0.6;
                    break;
                case ListBlock list:
                    var number = 1;
                    foreach (var item in list.OfType<ListItemBlock>())
                        ListItem(item, list.IsOrdered ? $"{number++}." : "•", indent);
                    y += BodySize * 0.4;
                    break;
                case QuoteBlock quote:
                    var (top, onPage) = (y, page);
                    foreach (var inner in quote)
                        Block(inner, indent + 14);
                    if (page == onPage)
                        Graphics.DrawLine(XPens.Gray, Margin + indent + 4, top, Margin + indent + 4, y - BodySize * 0.6);
                    break;
                case Table table:
                    Table(table, indent);
                    break;
                case ThematicBreakBlock:
                    Graphics.DrawLine(XPens.Gray, Margin + indent, y + 4, Margin + TextWidth, y + 4);
                    y += 12;
                    break;
                case ContainerBlock container:
                    foreach (var inner in container)
                        Block(inner, indent);
                    break;
                case LeafBlock leaf when leaf.Lines.Count > 0:
                    Paragraph([new Run(leaf.Lines.ToString(), false)], BodySize, indent);
                    break;
            }
        }

        void ListItem(ListItemBlock item, string bullet, double indent)
        {
            var font = Font(BodySize, false);
            Ensure(BodySize * LineSpacing);
            Graphics.DrawString(bullet, font, XBrushes.Black, new XPoint(Margin + indent, y), XStringFormats.TopLeft);
            foreach (var inner in item)
            {
                if (inner is ParagraphBlock paragraph)
                    Paragraph(Runs(paragraph.Inline, bold: false), BodySize, indent + 16);
                else
                    Block(inner, indent + 16);
            }
            y += BodySize * 0.2;
        }

        void Table(Table table, double indent)
        {
            var rows = table.OfType<TableRow>().ToList();
            var columns = rows.Max(r => r.Count);
            var width = (TextWidth - indent) / columns;
            foreach (var row in rows)
            {
                var cells = row.OfType<TableCell>()
                    .Select(cell => Lines(cell.OfType<ParagraphBlock>().SelectMany(p => Runs(p.Inline, row.IsHeader)).ToList(),
                        BodySize, width - 2 * CellPadding)).ToList();
                var height = cells.Max(lines => lines.Count) * BodySize * LineSpacing + 2 * CellPadding;
                Ensure(height);
                for (var c = 0; c < cells.Count; c++)
                {
                    var x = Margin + indent + c * width;
                    Graphics.DrawRectangle(XPens.Gray, x, y, width, height);
                    DrawLines(cells[c], BodySize, x + CellPadding, y + CellPadding);
                }
                y += height;
            }
            y += BodySize * 0.8;
        }

        void Paragraph(List<Run> runs, double size, double indent, double keepWith = 0)
        {
            var lines = Lines(runs, size, TextWidth - indent);
            var lineHeight = size * LineSpacing;
            Ensure(lineHeight + keepWith);
            foreach (var line in lines)
            {
                Ensure(lineHeight);
                DrawLines([line], size, Margin + indent, y);
                y += lineHeight;
            }
        }

        void DrawLines(List<List<Run>> lines, double size, double x, double top)
        {
            foreach (var line in lines)
            {
                var left = x;
                foreach (var word in line)
                {
                    var font = Font(size, word.Bold);
                    Graphics.DrawString(word.Text, font, word.Url is null ? XBrushes.Black : LinkBrush, new XPoint(left, top), XStringFormats.TopLeft);
                    if (word.Url is { } url)
                        Link(url, left, top, Graphics.MeasureString(word.Text, font).Width, size * LineSpacing);
                    left += Graphics.MeasureString(word.Text + " ", font).Width;
                }
                top += size * LineSpacing;
            }
        }

        /// <summary>The runs broken into words and the words into lines no wider than <paramref name="width"/>; an overlong word is cut.</summary>
        List<List<Run>> Lines(List<Run> runs, double size, double width)
        {
            var lines = new List<List<Run>> { new() };
            var used = 0.0;
            foreach (var run in runs)
            {
                foreach (var text in run.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var font = Font(size, run.Bold);
                    var rest = text;
                    while (rest.Length > 0)
                    {
                        var word = rest;
                        while (word.Length > 1 && Graphics.MeasureString(word, font).Width > width)
                            word = word[..^1];
                        rest = rest[word.Length..];
                        var wordWidth = Graphics.MeasureString(word + " ", font).Width;
                        if (used > 0 && used + Graphics.MeasureString(word, font).Width > width)
                            (lines, used) = ([.. lines, new List<Run>()], 0);
                        lines[^1].Add(run with { Text = word });
                        used += wordWidth;
                    }
                }
            }
            return lines;
        }

        static readonly XSolidBrush LinkBrush = new(XColor.FromArgb(11, 79, 156));

        /// <summary>A clickable area over a word of a link; PDF annotations count from the page's bottom left.</summary>
        void Link(string url, double left, double top, double width, double height)
        {
            var pageHeight = page!.Height.Point;
            page.AddWebLink(new PdfRectangle(new XPoint(left, pageHeight - top - height), new XPoint(left + width, pageHeight - top)), url);
        }

        void Ensure(double height)
        {
            if (y + height > Bottom)
                NewPage();
        }

        XGraphics NewPage()
        {
            gfx?.Dispose();
            page = document.AddPage();
            page.Size = PageSize.A4;
            gfx = XGraphics.FromPdfPage(page);
            y = Margin;
            return gfx;
        }

        static XFont Font(double size, bool bold) => new(DocumentFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

        static List<Run> Runs(ContainerInline? inlines, bool bold)
        {
            var runs = new List<Run>();
            for (var inline = inlines?.FirstChild; inline is not null; inline = inline.NextSibling)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        runs.Add(new Run(literal.Content.ToString(), bold));
                        break;
                    case CodeInline code:
                        runs.Add(new Run(code.Content, bold));
                        break;
                    case AutolinkInline link:
                        runs.Add(new Run(link.Url, bold, link.Url));
                        break;
                    case LinkInline { IsImage: false, Url: { } url } link:
                        var text = Runs(link, bold).Select(run => run with { Url = url }).ToList();
                        runs.AddRange(text);
                        if (string.Concat(text.Select(run => run.Text)) != url)
                            runs.AddRange([new Run(" (", bold), new Run(url, bold, url), new Run(")", bold)]);
                        break;
                    case HtmlEntityInline entity:
                        runs.Add(new Run(entity.Transcoded.ToString(), bold));
                        break;
                    case LineBreakInline:
                        runs.Add(new Run(" ", bold));
                        break;
                    case EmphasisInline emphasis:
                        runs.AddRange(Runs(emphasis, bold || emphasis.DelimiterCount >= 2));
                        break;
                    case ContainerInline container:
                        runs.AddRange(Runs(container, bold));
                        break;
                }
            }
            return Glue(runs);
        }

        /// <summary>Runs of one weight and link joined, so a word split over two literals (at an escaped character) stays one word.</summary>
        static List<Run> Glue(List<Run> runs)
        {
            var glued = new List<Run>();
            foreach (var run in runs)
            {
                if (glued.Count > 0 && glued[^1].Bold == run.Bold && glued[^1].Url == run.Url)
                    glued[^1] = glued[^1] with { Text = glued[^1].Text + run.Text };
                else
                    glued.Add(run);
            }
            return glued;
        }

        public void Dispose() => gfx?.Dispose();
    }
}
