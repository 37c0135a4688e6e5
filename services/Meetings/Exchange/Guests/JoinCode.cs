using System.Security.Cryptography;

namespace Kommune20.Meetings.Exchange.Guests;

/// <summary>
/// The code guests type to enter a live room: eight characters from an alphabet without look-alikes (no 0/O, 1/I/L),
/// shown as two groups of four ("K7MQ-4XPA"); some 40 bits, which a rate-limited guesser does not find in a session's time.
/// </summary>
public static class JoinCode
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 8;

    public static string New()
    {
        var code = RandomNumberGenerator.GetString(Alphabet, Length);
        return $"{code[..4]}-{code[4..]}";
    }

    /// <summary>The code as stored, from what a guest typed (any case, spaces or dashes anywhere); null when it cannot be one.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null || typed.Length > 4 * Length)
            return null;
        var letters = new string(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
        return letters.Length == Length && letters.All(Alphabet.Contains) ? $"{letters[..4]}-{letters[4..]}" : null;
    }
}
