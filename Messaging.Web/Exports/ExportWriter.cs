using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Export;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Web.Exports;

/// <summary>The name and SHA-256 of a written file (a CSV, a PDF, or a ZIP of PDFs).</summary>
public sealed record WrittenExport(string FileName, string ContentType, string FileSha256);

/// <summary>
/// Writes an export to a stream, for the request that asked for it and for background jobs alike, and records
/// every issued CSV and PDF (its file hash and stamp) for <c>/exports/verify</c>. CSV rows are streamed from
/// the database to the stream; a PDF holds one conversation's messages in memory while Chromium prints it.
/// </summary>
public sealed class ExportWriter(
    MessagingDbContext db, PdfRenderer pdf, RecordExport record, IServiceProvider services, ILoggerFactory logs, TimeProvider clock)
{
    public static string FileName(ExportPlan plan, string extension)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var what = plan.Conversations.Count == 1
            ? string.Create(CultureInfo.InvariantCulture, $"conversation-{plan.Conversations[0].Id}")
            : string.Create(CultureInfo.InvariantCulture, $"conversations-{plan.Conversations.Count}");
        var range = plan.Request.From is null && plan.Request.To is null ? ""
            : $"-{plan.Request.From?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "start"}-{plan.Request.To?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "now"}";
        return $"{what}{range}.{extension}";
    }

    public static string ContentTypeOf(ExportFormat format, ExportPlan plan) =>
        format == ExportFormat.Csv ? "text/csv; charset=utf-8" : plan?.Conversations.Count == 1 ? "application/pdf" : "application/zip";

    public static string ExtensionOf(ExportFormat format, ExportPlan plan) =>
        format == ExportFormat.Csv ? "csv" : plan?.Conversations.Count == 1 ? "pdf" : "zip";

    public Task<WrittenExport> WriteAsync(CurrentMember me, ExportPlan plan, ExportFormat format, Stream output, Func<int, CancellationToken, Task>? progress, CancellationToken ct) =>
        format == ExportFormat.Csv ? WriteCsvAsync(me, plan, output, progress, ct) : WritePdfAsync(me, plan, output, progress, ct);

    private async Task<WrittenExport> WriteCsvAsync(CurrentMember me, ExportPlan plan, Stream output, Func<int, CancellationToken, Task>? progress, CancellationToken ct)
    {
        var hashing = new HashingStream(output);
        await using (hashing)
        {
            using var stamp = new ExportStamp();
            var count = await ExportCsv.WriteAsync(ExportQuery.Rows(db, me, plan).StreamAsync(ct), hashing, plan.TimeZone, stamp, progress, ct);
            var file = new ExportedFile(FileName(plan, "csv"), ExportFormat.Csv, hashing.Finish(), stamp.Finish(), count, plan.Conversations.Count);
            await record.IssuedAsync(me.WorkspaceId, me.MemberId, plan, file, CancellationToken.None);
            return new WrittenExport(file.FileName, ContentTypeOf(ExportFormat.Csv, plan), file.FileSha256);
        }
    }

    private async Task<WrittenExport> WritePdfAsync(CurrentMember me, ExportPlan plan, Stream output, Func<int, CancellationToken, Task>? progress, CancellationToken ct)
    {
        if (plan.Conversations.Count == 1)
        {
            var bytes = await RenderAsync(me, plan, plan.Conversations[0], ct);
            await output.WriteAsync(bytes, ct);
            return new WrittenExport(FileName(plan, "pdf"), ContentTypeOf(ExportFormat.Pdf, plan), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        var hashing = new HashingStream(output);
        await using (hashing)
        {
            await using (var zip = new ZipArchive(hashing, ZipArchiveMode.Create, leaveOpen: true))
            {
                var done = 0;
                foreach (var conversation in plan.Conversations)
                {
                    var bytes = await RenderAsync(me, plan, conversation, ct);
                    var entry = zip.CreateEntry(string.Create(CultureInfo.InvariantCulture, $"conversation-{conversation.Id}.pdf"), CompressionLevel.Fastest);
                    await using (var stream = await entry.OpenAsync(ct))
                    {
                        await stream.WriteAsync(bytes, ct);
                    }

                    done++;
                    if (progress is not null)
                    {
                        await progress(plan.MessageCount * done / plan.Conversations.Count, ct);
                    }
                }
            }

            return new WrittenExport(FileName(plan, "zip"), ContentTypeOf(ExportFormat.Pdf, plan), hashing.Finish());
        }
    }

    /// <summary>One conversation's PDF: loads its messages, stamps them, renders the print view and records the file.</summary>
    private async Task<byte[]> RenderAsync(CurrentMember me, ExportPlan plan, ExportConversation conversation, CancellationToken ct)
    {
        var messages = await ExportQuery.Rows(db, me, plan, conversation.Id).ToMessagesAsync(ct);
        var stamp = ExportStamp.Of(messages);
        var model = new TranscriptModel(plan, conversation, messages, stamp, clock.GetUtcNow(), me.DisplayName);
        var html = await RenderHtmlAsync(model);
        var bytes = await pdf.RenderAsync(html, $"{plan.WorkspaceName} · {conversation.Subject}", $"Content SHA-256 {stamp} · verify at /exports/verify", ct);
        var one = plan with { Conversations = [conversation], MessageCount = messages.Count };
        var file = new ExportedFile(FileName(one, "pdf"), ExportFormat.Pdf, Convert.ToHexStringLower(SHA256.HashData(bytes)), stamp, messages.Count, 1);
        await record.IssuedAsync(me.WorkspaceId, me.MemberId, plan, file, CancellationToken.None);
        return bytes;
    }

    private async Task<string> RenderHtmlAsync(TranscriptModel model)
    {
        await using var renderer = new HtmlRenderer(services, logs);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<Transcript>(ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(Transcript.Model)] = model }));
            return output.ToHtmlString();
        });
    }
}
