using MimeKit;

namespace Messaging.Core.Notifications;

/// <summary>
/// A received MIME message (MimeKit) as <see cref="InboundEmail"/>: the first From, every To/Cc/Delivered-To
/// address, the text and HTML bodies, all headers (the first of each name), the Message-ID and what it answers.
/// </summary>
public static class MimeInbound
{
    /// <summary>Parses raw MIME; null when it is not a mail (no From, or not MIME at all).</summary>
    public static MimeMessage? Parse(Stream raw)
    {
        try
        {
            var message = MimeMessage.Load(ParserOptions.Default, raw);
            return message.From.Mailboxes.Any() ? message : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static InboundEmail Read(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var from = message.From.Mailboxes.FirstOrDefault()?.Address ?? "";
        var to = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address)
            .Concat(message.Headers.Where(h => h.Field.Equals("Delivered-To", StringComparison.OrdinalIgnoreCase) || h.Field.Equals("X-Original-To", StringComparison.OrdinalIgnoreCase))
                .Select(h => h.Value.Trim().Trim('<', '>')))
            .Where(a => a.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in message.Headers)
        {
            headers.TryAdd(header.Field, header.Value);
        }

        var answers = new List<string>();
        if (message.InReplyTo is { Length: > 0 } inReplyTo)
        {
            answers.Add($"<{inReplyTo}>");
        }

        answers.AddRange(message.References.Reverse().Select(r => $"<{r}>"));
        return new InboundEmail(from, to, message.Subject, message.TextBody, message.HtmlBody)
        {
            Headers = headers,
            MessageId = string.IsNullOrEmpty(message.MessageId) ? null : $"<{message.MessageId}>",
            Answers = answers.Distinct(StringComparer.Ordinal).ToList(),
            AttachmentCount = message.Attachments.Count(),
            Files = message.Attachments.OfType<MimePart>()
                .Select(part => new InboundFile(part.FileName, () => part.Content?.Open() ?? Stream.Null))
                .ToList(),
        };
    }
}
