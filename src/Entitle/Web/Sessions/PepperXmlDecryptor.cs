using System.Xml.Linq;
using Entitle.Application.Organizations;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Entitle.Web.Sessions;

/// <summary>Decrypts what <see cref="PepperXmlEncryptor"/> sealed; Data Protection creates it by name from the key's XML.</summary>
public sealed class PepperXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        PepperXmlEncryptor.Decrypt(services.GetRequiredService<CredentialHasher>(), encryptedElement);
}
