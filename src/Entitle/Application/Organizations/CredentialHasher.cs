using System.Security.Cryptography;
using System.Text;

namespace Entitle.Application.Organizations;

/// <summary>
/// Turns secrets into what the database stores: HMAC-SHA256 under a per-installation pepper
/// (<c>Security:CredentialPepper</c>), so a copy of the database alone yields no usable credential.
/// </summary>
public sealed class CredentialHasher(IConfiguration configuration)
{
    /// <summary>Used when no pepper is configured; production installations set their own.</summary>
    public const string DefaultPepper = "entitle-default-pepper-change-me";

    private readonly byte[] _pepper = Encoding.UTF8.GetBytes(configuration["Security:CredentialPepper"] is { Length: > 0 } p ? p : DefaultPepper);

    /// <summary>Whether the installation runs on the built-in pepper, which every copy of Entitle knows.</summary>
    public bool UsesDefaultPepper => _pepper.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(DefaultPepper));

    public string Hash(string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_pepper, Encoding.UTF8.GetBytes(secret)));

    /// <summary>A 256-bit key for <paramref name="purpose"/>, derived from the pepper (HKDF): what else the installation must keep from a database copy.</summary>
    public byte[] DeriveKey(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _pepper, 32, info: Encoding.UTF8.GetBytes(purpose));

    /// <summary>A new secret: 32 random bytes, URL-safe base64 (43 characters).</summary>
    public static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
