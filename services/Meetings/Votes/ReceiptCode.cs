using System.Security.Cryptography;

namespace Kommune20.Meetings.Votes;

/// <summary>
/// A secret ballot's receipt: 15 characters of an alphabet without look-alikes (0/O, 1/I/L), 74 random bits, in groups of
/// five so a person can read it out ("K7QF2-M9XDA-3PWRT").
/// </summary>
public static class ReceiptCode
{
    const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string New()
    {
        var letters = RandomNumberGenerator.GetString(Alphabet, 15);
        return $"{letters[..5]}-{letters[5..10]}-{letters[10..]}";
    }

    /// <summary>The code as typed, in the stored form: capitals, groups joined by hyphens; null when it cannot be one.</summary>
    public static string? Normalize(string? typed)
    {
        var letters = new string((typed ?? "").ToUpperInvariant().Where(Alphabet.Contains).ToArray());
        return letters.Length == 15 ? $"{letters[..5]}-{letters[5..10]}-{letters[10..]}" : null;
    }
}
