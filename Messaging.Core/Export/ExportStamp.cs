using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Messaging.Core.Export;

/// <summary>
/// The stamp printed on an export: SHA-256 over a canonical text of exactly what was exported (each message's
/// conversation, id, UTC time, sender, visibility, kind, deleted and edited state, body, and its files' SHA-256),
/// one line per message, fields tab-separated with tabs, newlines and backslashes escaped. The same content
/// always gives the same stamp, whatever the layout or the time of generation.
/// </summary>
public sealed class ExportStamp : IDisposable
{
    private const string Version = "messaging-export-v1\n";
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly StringBuilder line = new();

    public ExportStamp() => hash.AppendData(Encoding.UTF8.GetBytes(Version));

    public int Count { get; private set; }

    public void Add(ExportMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        line.Clear();
        Field(message.ConversationId.ToString(CultureInfo.InvariantCulture));
        Field(message.MessageId.ToString(CultureInfo.InvariantCulture));
        Field(ExportRange.Utc(message.SentAt));
        Field(message.SenderName);
        Field(message.Visibility.ToString());
        Field(message.Kind.ToString());
        Field(message.IsDeleted ? "deleted" : message.IsHidden ? "hidden" : "");
        Field(message.EditedAt is { } edited ? ExportRange.Utc(edited) : "");
        Field(message.Body);
        Field(string.Join(',', message.Attachments.Select(a => a.Sha256)));
        line.Append('\n');
        hash.AppendData(Encoding.UTF8.GetBytes(line.ToString()));
        Count++;
    }

    /// <summary>Lower-case hex; finishes the hash (call once).</summary>
    public string Finish() => Convert.ToHexStringLower(hash.GetHashAndReset());

    public static string Of(IEnumerable<ExportMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        using var stamp = new ExportStamp();
        foreach (var message in messages)
        {
            stamp.Add(message);
        }

        return stamp.Finish();
    }

    public void Dispose() => hash.Dispose();

    private void Field(string value)
    {
        if (line.Length > 0)
        {
            line.Append('\t');
        }

        foreach (var ch in value)
        {
            _ = ch switch
            {
                '\\' => line.Append("\\\\"),
                '\t' => line.Append("\\t"),
                '\n' => line.Append("\\n"),
                '\r' => line.Append("\\r"),
                _ => line.Append(ch),
            };
        }
    }
}
