using MimeKit;

namespace Messaging.Core.Common;

/// <summary>Email addresses through MimeKit's parser (RFC 5322), the one place that reads them.</summary>
public static class EmailAddress
{
    /// <summary>True for a bare address (<c>a@b.example</c>), exactly as typed: no display name, no angle brackets, no group.</summary>
    public static bool IsPlain(string value) =>
        !string.IsNullOrEmpty(value)
        && MailboxAddress.TryParse(ParserOptions.Default, value, out var parsed)
        && parsed.Route.Count == 0
        && string.IsNullOrEmpty(parsed.Name)
        && parsed.Address == value
        && value.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < value.Length - 1;

    /// <summary>The address of <c>Name &lt;a@b&gt;</c> or <c>a@b</c>; null when it is not one mailbox.</summary>
    public static string? AddressOf(string? value) =>
        value is not null && MailboxAddress.TryParse(ParserOptions.Default, value, out var parsed) && parsed.Address.Contains('@', StringComparison.Ordinal)
            ? parsed.Address
            : null;
}
