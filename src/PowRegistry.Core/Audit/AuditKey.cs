using System.Security.Cryptography;

using Microsoft.Extensions.Configuration;

namespace PowRegistry.Core.Audit;

/// <summary>
/// The HMAC key of the audit chain. It lives outside the database so that someone holding only the database file
/// cannot rewrite history and recompute the hashes. From configuration: PowRegistry:Audit:Key (base64, at least
/// 32 bytes, e.g. from a secret store) or else PowRegistry:Audit:KeyFile (default data/audit.key, created with
/// 32 random bytes on first start). Back the key up apart from the database: without it the chain cannot be verified.
/// </summary>
public sealed class AuditKey
{
    public const int MinimumBytes = 32;

    public AuditKey(byte[] bytes)
    {
        if (bytes.Length < MinimumBytes) throw new ArgumentException($"The audit key must be at least {MinimumBytes} bytes.", nameof(bytes));
        Bytes = bytes;
    }

    internal byte[] Bytes { get; }

    public static AuditKey Random() => new(RandomNumberGenerator.GetBytes(MinimumBytes));

    public static AuditKey FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        if (configuration["PowRegistry:Audit:Key"] is { Length: > 0 } base64) return new AuditKey(Convert.FromBase64String(base64));

        var path = Path.GetFullPath(configuration["PowRegistry:Audit:KeyFile"] ?? Path.Combine("data", "audit.key"), contentRoot);
        if (!File.Exists(path))
        {
            // Written whole to a file of its own, then moved into place without overwriting: instances starting together
            // never read a half-written key, and all end up with the one that got there first.
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var draft = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllBytes(draft, RandomNumberGenerator.GetBytes(MinimumBytes));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(draft, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            try
            {
                File.Move(draft, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(draft); // another instance's key is in place: use that one
            }
        }
        return new AuditKey(File.ReadAllBytes(path));
    }
}
