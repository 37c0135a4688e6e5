using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Kommune20.Registry.Identity;

/// <summary>
/// The issuer's signing key (RSA, published as JWKS) and encryption key (for codes and refresh tokens), kept in the
/// data directory so tokens stay valid across restarts. A deployment mounts them from a secret instead.
/// </summary>
public sealed class IssuerKeys
{
    public required RsaSecurityKey SigningKey { get; init; }
    public required SymmetricSecurityKey EncryptionKey { get; init; }

    public static IssuerKeys LoadOrCreate(string directory)
    {
        Directory.CreateDirectory(directory);
        var signingPath = Path.Combine(directory, "issuer-signing.pem");
        var encryptionPath = Path.Combine(directory, "issuer-encryption.key");

        var rsa = RSA.Create();
        if (File.Exists(signingPath))
        {
            rsa.ImportFromPem(File.ReadAllText(signingPath));
        }
        else
        {
            rsa.KeySize = 2048;
            WriteSecret(signingPath, rsa.ExportPkcs8PrivateKeyPem());
        }

        if (!File.Exists(encryptionPath))
            WriteSecret(encryptionPath, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var encryption = Convert.FromBase64String(File.ReadAllText(encryptionPath).Trim());

        var signingKey = new RsaSecurityKey(rsa) { KeyId = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16] };
        return new IssuerKeys { SigningKey = signingKey, EncryptionKey = new SymmetricSecurityKey(encryption) };
    }

    static void WriteSecret(string path, string content)
    {
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
