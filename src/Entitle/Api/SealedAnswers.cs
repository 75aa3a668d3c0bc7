using System.Security.Cryptography;
using Entitle.Application.Organizations;

namespace Entitle.Api;

/// <summary>
/// Encrypts the answers kept for idempotent replay (AES-GCM under a key derived from the installation's pepper):
/// an answer can hold a credential shown once, and a copy of the database must not reveal it.
/// </summary>
public sealed class SealedAnswers(CredentialHasher hasher)
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly byte[] _key = hasher.DeriveKey("entitle/idempotent-answers/v1");

    /// <returns>nonce ‖ tag ‖ ciphertext.</returns>
    public byte[] Seal(byte[] answer)
    {
        var sealedAnswer = new byte[NonceBytes + TagBytes + answer.Length];
        var nonce = sealedAnswer.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, answer, sealedAnswer.AsSpan(NonceBytes + TagBytes), sealedAnswer.AsSpan(NonceBytes, TagBytes));
        return sealedAnswer;
    }

    /// <exception cref="AuthenticationTagMismatchException">The answer was sealed under another pepper or altered.</exception>
    public byte[] Open(byte[] sealedAnswer)
    {
        if (sealedAnswer.Length == 0)
        {
            return sealedAnswer;
        }

        var answer = new byte[sealedAnswer.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(_key, TagBytes);
        aes.Decrypt(sealedAnswer.AsSpan(0, NonceBytes), sealedAnswer.AsSpan(NonceBytes + TagBytes), sealedAnswer.AsSpan(NonceBytes, TagBytes), answer);
        return answer;
    }
}
