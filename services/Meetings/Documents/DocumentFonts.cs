using System.Reflection;
using PdfSharp.Fonts;

namespace Kommune20.Meetings.Documents;

/// <summary>
/// The fonts of the service's PDFs (minutes, compiled statements): DejaVu Sans, regular and bold, shipped inside the
/// service (Documents/Fonts, Bitstream Vera licence) rather than looked up on the system, so a PDF looks the same on a
/// developer's machine and in a container image without any fonts. Every family PDFsharp asks for resolves to it; italics are drawn as regular.
/// </summary>
public sealed class DocumentFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    const string Regular = "DejaVuSans";
    const string Bold = "DejaVuSans-Bold";

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? Bold : Regular);

    public byte[] GetFont(string faceName)
    {
        using var stream = typeof(DocumentFonts).Assembly.GetManifestResourceStream($"Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName}.ttf is not embedded in {typeof(DocumentFonts).Assembly.GetName().Name}; "
                + "see services/Meetings/Documents/Fonts/README.md.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
