using System.Globalization;

namespace Messaging.Core.Messages;

/// <summary>The one rule set for what a message body may be, shared by every use case that writes one.</summary>
public static class MessageBodyRules
{
    public static string? Validate(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "Write a message before sending.";
        }

        if (body.Length > Message.MaxBodyLength)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"A message can be at most {Message.MaxBodyLength:N0} characters; this one has {body.Length:N0}.");
        }

        return null;
    }

    /// <summary>Line endings normalised and outer blank lines trimmed; inner formatting kept.</summary>
    public static string Normalize(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
    }
}
