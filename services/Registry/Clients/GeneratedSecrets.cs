using System.Security.Cryptography;

namespace Kommune20.Registry.Clients;

/// <summary>Client secrets and first passwords: random, from an alphabet without look-alikes (no 0/O, 1/l/I).</summary>
public static class GeneratedSecrets
{
    public const int ClientSecretLength = 32;

    const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
