using System.Net;
using System.Net.Sockets;

namespace Messaging.Core.Webhooks;

/// <summary>
/// Which URLs and addresses a webhook may be delivered to: http or https, no user name in the URL, and never a loopback,
/// private, shared, link-local, multicast or unspecified address unless <see cref="WebhookOptions"/> allows it. The URL is
/// checked when it is registered; every address is checked again when a connection is made (a name may resolve
/// elsewhere later, and a redirect may point anywhere).
/// </summary>
public static class WebhookAddressRules
{
    /// <summary>The URL as a <see cref="Uri"/>, or why it cannot be one a webhook posts to.</summary>
    public static (Uri? Url, string? Error) ParseUrl(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > Webhook.MaxUrlLength
            || !Uri.TryCreate(trimmed, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(url.Host))
        {
            return (null, "Enter a full http:// or https:// address, for example https://example.com/hooks/portal.");
        }

        if (url.UserInfo.Length > 0)
        {
            return (null, "Leave the user name and password out of the address; the signature tells the receiver it is us.");
        }

        return (url, null);
    }

    /// <summary>Null when a delivery may connect to <paramref name="address"/>; else why not.</summary>
    public static string? Refusal(IPAddress address, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(options);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        else if (EmbeddedIPv4(address) is { } embedded)
        {
            // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) reach the IPv4 address inside: the rules are that address's.
            return Refusal(embedded, options) is { } refusal ? $"{address} stands for {embedded}: {refusal}" : null;
        }

        if (IPAddress.IsLoopback(address))
        {
            return options.AllowLoopback ? null : $"{address} is a loopback address";
        }

        if (IsUnspecifiedOrMulticast(address))
        {
            return $"{address} is not an address a webhook can be delivered to";
        }

        if (IsPrivateOrLinkLocal(address))
        {
            return options.AllowPrivateNetworks ? null : $"{address} is a private or link-local address";
        }

        return null;
    }

    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        var b = address.GetAddressBytes();
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
        {
            return new IPAddress(b.AsSpan(12, 4));
        }

        return b[0] == 0x20 && b[1] == 0x02 ? new IPAddress(b.AsSpan(2, 4)) : null;
    }

    private static bool IsUnspecifiedOrMulticast(IPAddress address)
    {
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6Multicast;
        }

        var b = address.GetAddressBytes();
        return b[0] == 0 || b[0] >= 224;
    }

    private static bool IsPrivateOrLinkLocal(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var v6 = address.GetAddressBytes();
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal
                || (v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0d && v6[3] == 0xb8); // 2001:db8::/32, documentation
        }

        var b = address.GetAddressBytes();
        return b[0] == 10
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) // shared address space (carrier-grade NAT)
            || (b[0] == 192 && b[1] == 0 && b[2] == 0) // IETF protocol assignments
            || (b[0] == 198 && (b[1] == 18 || b[1] == 19)); // benchmarking
    }
}
