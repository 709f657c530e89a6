using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Messaging.Core.Notifications;

public enum ReplyTokenState
{
    Valid,
    Expired,

    /// <summary>Not one of ours (bad format or signature): nothing is done with it.</summary>
    Invalid,
}

public sealed record ReplyTokenCheck(ReplyTokenState State, long MemberId = 0, long ConversationId = 0);

/// <summary>
/// Signed reply addresses: <c>reply+MEMBER.CONVERSATION.EXPIRES.MAC@domain</c>, the MAC an HMAC-SHA256
/// (hex, lower case, so mail servers that lower-case local parts do not break it) over the rest with
/// the configured secret. Bound to one member and one conversation; expires after
/// <see cref="NotificationOptions.ReplyTokenDays"/>.
/// </summary>
public sealed class ReplyTokens(IOptions<NotificationOptions> options, TimeProvider clock)
{
    private const string Prefix = "reply+";
    private const int MacBytes = 12;

    public string AddressFor(long memberId, long conversationId)
    {
        var expires = clock.GetUtcNow().AddDays(options.Value.ReplyTokenDays).ToUnixTimeSeconds();
        var payload = string.Create(CultureInfo.InvariantCulture, $"{memberId}.{conversationId}.{expires}");
        return $"{Prefix}{payload}.{Mac(payload)}@{options.Value.MailDomain}";
    }

    /// <summary>Reads the token from any of the given recipient addresses (<c>to</c> may list several).</summary>
    public ReplyTokenCheck Read(IEnumerable<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        foreach (var address in addresses)
        {
            var at = address.LastIndexOf('@');
            var local = at < 0 ? address : address[..at];
            if (!local.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var parts = local[Prefix.Length..].Split('.');
            if (parts.Length != 4
                || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var member)
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var conversation)
                || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
            {
                continue;
            }

            var expected = Encoding.ASCII.GetBytes(Mac($"{parts[0]}.{parts[1]}.{parts[2]}"));
            if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[3].ToLowerInvariant())))
            {
                continue;
            }

            return clock.GetUtcNow().ToUnixTimeSeconds() > expires
                ? new ReplyTokenCheck(ReplyTokenState.Expired, member, conversation)
                : new ReplyTokenCheck(ReplyTokenState.Valid, member, conversation);
        }

        return new ReplyTokenCheck(ReplyTokenState.Invalid);
    }

    private string Mac(string payload)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.ReplySecret), Encoding.UTF8.GetBytes(payload));
        return Convert.ToHexStringLower(mac.AsSpan(0, MacBytes));
    }
}
