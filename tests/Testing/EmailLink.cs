using MimeKit;

namespace Kommune20.Testing;

public static class EmailLink
{
    /// <summary>The link in an e-mail's text part that contains <paramref name="part"/> (it stands on a line of its own or ends one).</summary>
    public static Uri Find(MimeMessage message, string part)
    {
        var line = (message.TextBody ?? "").Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains(part, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The e-mail „{message.Subject}“ has no link with {part}:\n{message.TextBody}");
        return new Uri(line[line.IndexOf("http", StringComparison.Ordinal)..]);
    }
}
