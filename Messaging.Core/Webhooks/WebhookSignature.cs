using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Messaging.Core.Webhooks;

/// <summary>
/// The headers every delivery carries and how it is signed: <c>Webhook-Signature: v1=</c> and the lower-case hex
/// HMAC-SHA256, keyed with the webhook's secret (its UTF-8 bytes, as shown), of <c>{Webhook-Id}.{Webhook-Timestamp}.{body}</c>.
/// docs/webhooks.md has the recipe for receivers.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "Webhook-Id";
    public const string TimestampHeader = "Webhook-Timestamp";
    public const string SignatureHeader = "Webhook-Signature";
    public const string SecretPrefix = "whsec_";

    /// <summary>A new secret: 32 random bytes, hex, after <see cref="SecretPrefix"/>.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var signed = string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}.{body}");
        return "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(signed)));
    }

    /// <summary>Whether <paramref name="header"/> (one or more space-separated signatures) holds the right one; compared in constant time.</summary>
    public static bool Verify(string secret, string id, long timestamp, string body, string? header)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(secret, id, timestamp, body));
        return (header ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), expected));
    }
}
