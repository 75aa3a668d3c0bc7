using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Entitle.Application.Organizations;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Entitle.Web.Sessions;

/// <summary>
/// Encrypts the session key ring at rest (AES-256-GCM under a key derived from the installation's pepper), so a
/// copy of the database cannot forge an administrator's session.
/// </summary>
public sealed class PepperXmlEncryptor(CredentialHasher hasher) : IXmlEncryptor
{
    public const string Purpose = "entitle/session-keys/v1";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceBytes + TagBytes + plain.Length];
        RandomNumberGenerator.Fill(sealedBytes.AsSpan(0, NonceBytes));
        using (var aes = new AesGcm(hasher.DeriveKey(Purpose), TagBytes))
        {
            aes.Encrypt(sealedBytes.AsSpan(0, NonceBytes), plain, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes));
        }

        return new EncryptedXmlInfo(new XElement("sealed", Convert.ToBase64String(sealedBytes)), typeof(PepperXmlDecryptor));
    }

    /// <summary>The inverse, for <see cref="PepperXmlDecryptor"/>.</summary>
    public static XElement Decrypt(CredentialHasher hasher, XElement encryptedElement)
    {
        var sealedBytes = Convert.FromBase64String(encryptedElement.Value);
        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using (var aes = new AesGcm(hasher.DeriveKey(Purpose), TagBytes))
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plain);
        }

        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
