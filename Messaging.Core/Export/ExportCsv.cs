using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Messaging.Core.Access;
using Messaging.Core.Messages;

namespace Messaging.Core.Export;

/// <summary>
/// Writes messages as CSV (CsvHelper): UTF-8 with a BOM so Excel reads it as UTF-8, one row per message, written
/// as rows arrive from the database and flushed in small batches, so memory stays flat however long the export.
/// Also feeds every row to the stamp. A field that starts with <c>= + - @</c>, a tab or a carriage return is prefixed
/// with <c>'</c> (CsvHelper's injection escape, as OWASP advises for CSV opened in spreadsheets), so a message can
/// never run as a formula; the stamp is computed over the text as stored.
/// </summary>
public static class ExportCsv
{
    /// <summary>The header row; <c>/exports/verify</c> recognises a CSV export by it.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "conversation_id", "subject", "message_id", "sent_at_utc", "sent_at_local", "sender_name", "sender_kind",
        "visibility", "body", "attachments", "edited_at_utc", "deleted",
    ];

    private const int FlushEvery = 500;

    /// <summary>Progress is reported every this many rows (a background job stores it: 100 small updates for 100,000 rows).</summary>
    private const int ReportEvery = 1_000;

    public static async Task<int> WriteAsync(
        IAsyncEnumerable<ExportMessage> messages, Stream output, TimeZoneInfo zone, ExportStamp stamp, Func<int, CancellationToken, Task>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(stamp);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n", InjectionOptions = InjectionOptions.Escape });
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync();
        var count = 0;
        await foreach (var m in messages.WithCancellation(ct))
        {
            stamp.Add(m);
            csv.WriteField(m.ConversationId);
            csv.WriteField(m.Subject);
            csv.WriteField(m.MessageId);
            csv.WriteField(ExportRange.Utc(m.SentAt));
            csv.WriteField(ExportRange.LocalIso(m.SentAt, zone));
            csv.WriteField(m.SenderName);
            csv.WriteField(m.Kind == MessageKind.System ? "system" : m.SenderKind == MemberKind.Staff ? "staff" : "client");
            csv.WriteField(m.IsInternal ? "internal" : "everyone");
            csv.WriteField(m.Body);
            csv.WriteField(string.Join("; ", m.Attachments.Select(a => a.FileName)));
            csv.WriteField(m.EditedAt is { } edited ? ExportRange.Utc(edited) : "");
            csv.WriteField(m.IsDeleted ? "deleted" : "");
            await csv.NextRecordAsync();
            if (++count % FlushEvery == 0)
            {
                await csv.FlushAsync();
                await writer.FlushAsync(ct);
                if (progress is not null && count % ReportEvery == 0)
                {
                    await progress(count, ct);
                }
            }
        }

        await csv.FlushAsync();
        await writer.FlushAsync(ct);
        return count;
    }
}
