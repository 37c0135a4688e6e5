using System.Security.Cryptography;
using System.Text;

namespace Kommune20.Notifications.Digests;

/// <summary>The tokens of the links in the e-mails: 32 random bytes, URL-safe; the confirmation token is stored as its hash only.</summary>
public static class EmailTokens
{
    public const int MaxLength = 100;

    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A token as a link carries it, or null for what cannot be one (empty, too long).</summary>
    public static string? Read(string? token) => token?.Trim() is { Length: > 0 and <= MaxLength } given ? given : null;

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
