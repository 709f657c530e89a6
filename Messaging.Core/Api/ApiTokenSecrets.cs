using System.Security.Cryptography;
using System.Text;

namespace Messaging.Core.Api;

/// <summary>
/// How tokens look and are hashed: <c>mpat_</c> and 43 URL-safe characters (32 random bytes). Random tokens of that
/// length need no slow, salted hash: SHA-256 makes the stored value useless to whoever reads the table.
/// </summary>
public static class ApiTokenSecrets
{
    public const string Marker = "mpat_";

    /// <summary>Longer than any token we issue, so a huge header is refused before it is hashed.</summary>
    public const int MaxLength = 200;

    public static string NewToken() => Marker + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    public static string PrefixOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token[..Math.Min(token.Length, ApiToken.PrefixLength)];
    }

    /// <summary>Whether the text could be one of our tokens at all (checked before any database look-up).</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: > 10 and <= MaxLength } && token.StartsWith(Marker, StringComparison.Ordinal);
}
