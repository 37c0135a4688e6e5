using System.Security.Cryptography;
using System.Text;

namespace Kommune20.Contracts.Library;

/// <summary>
/// The library's id of a practice, derived from its origin (member, id there) as a name-based UUID (RFC 9562, version 8
/// with SHA-256): a library rebuilt from the federation's events gives every practice the id it had, so its address in the
/// portal (<c>/praxisbeispiele/{id}</c>) stays; and a service that keeps practices of its own from the same events
/// (Meetings, for the links of exchange sessions to practices) names a practice as the library does without asking it.
/// </summary>
public static class LibraryPracticeId
{
    static readonly Guid Namespace = Guid.Parse("5c1b7f0e-6a55-4b0e-9d0a-6b6f6d6d756e");

    public static Guid Of(Guid originMemberId, string originId)
    {
        var name = Encoding.UTF8.GetBytes($"{originMemberId:D}/{originId}");
        var input = new byte[16 + name.Length];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        name.CopyTo(input, 16);
        var hash = SHA256.HashData(input).AsSpan(0, 16);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(hash, bigEndian: true);
    }
}
