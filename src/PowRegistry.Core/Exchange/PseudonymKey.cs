using System.Globalization;
using System.Security.Cryptography;
using System.Text;

using PowRegistry.Core.Audit;

namespace PowRegistry.Core.Exchange;

/// <summary>
/// Per-recipient pseudonyms for shared records: HMAC-SHA256 over (recipient, prisoner) with a key derived from the
/// audit key (HKDF, its own label), so it is kept outside the database and backed up with that key. The same prisoner
/// gets the same pseudonym every time he is shared with one counterpart, and unrelated ones for different
/// counterparts, so two recipients cannot join their files and nobody without the key can reverse it.
/// </summary>
public sealed class PseudonymKey(AuditKey auditKey)
{
    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, auditKey.Bytes, 32, info: Encoding.UTF8.GetBytes("PowRegistry share pseudonyms v1"));

    public string For(int counterpartId, int prisonerId)
    {
        var message = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{counterpartId}:{prisonerId}"));
        var hash = HMACSHA256.HashData(_key, message);
        return "P-" + Convert.ToHexString(hash, 0, 8);
    }
}
