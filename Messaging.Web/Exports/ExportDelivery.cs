using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Export;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Messaging.Web.Exports;

/// <summary>
/// Answers a checked export, for the thread's export form and the list's bulk export alike: over
/// <see cref="ExportRequest.BackgroundThreshold"/> messages it queues a job and redirects to its progress page;
/// otherwise a CSV streams straight into the response and a PDF (or ZIP of PDFs) is printed and sent. Audited.
/// </summary>
public sealed class ExportDelivery(RecordExport record, QueueExportJob queue, ExportWriter writer, PdfRenderer pdf, ExportJobSignal signal)
{
    /// <summary>
    /// The export page's answer: the form again when nothing is to be delivered (with the refusal and 422 when
    /// there is one), the export otherwise; PDF without Chromium is the form with the reason and 503.
    /// </summary>
    public async Task<IActionResult> AnswerAsync(CurrentMember me, ConversationExport export, Func<string?, int, IActionResult> form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(form);
        if (export.Deliver is not { } format)
        {
            return form(export.Error, export.Error is null ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
        }

        try
        {
            return await DeliverAsync(me, export.Plan, format, ct);
        }
        catch (PdfUnavailableException e)
        {
            return form(e.Message, StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>Throws <see cref="PdfUnavailableException"/> (before anything is sent) when Chromium is missing.</summary>
    public async Task<IActionResult> DeliverAsync(CurrentMember me, ExportPlan plan, ExportFormat format, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (format == ExportFormat.Pdf && !pdf.IsAvailable)
        {
            throw new PdfUnavailableException(PdfRenderer.UnavailableMessage);
        }

        if (plan.RunsInBackground)
        {
            var job = await queue.HandleAsync(me, plan, format, ct);
            signal.Wake();
            return new RedirectResult(string.Create(CultureInfo.InvariantCulture, $"/exports/jobs/{job}"));
        }

        if (format == ExportFormat.Csv)
        {
            await record.HandleAsync(me, plan, format, "download", ct);
            return new StreamedExportResult(ExportWriter.FileName(plan, "csv"), ExportWriter.ContentTypeOf(format, plan),
                (body, token) => writer.WriteAsync(me, plan, format, body, null, token));
        }

        using var buffer = new MemoryStream();
        var written = await writer.WriteAsync(me, plan, format, buffer, null, ct);
        await record.HandleAsync(me, plan, format, "download", ct);
        return new FileContentResult(buffer.ToArray(), written.ContentType) { FileDownloadName = written.FileName };
    }
}

/// <summary>A download written straight into the response body as it is produced (nothing buffered whole).</summary>
public sealed class StreamedExportResult(string fileName, string contentType, Func<Stream, CancellationToken, Task<WrittenExport>> write) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.ContentType = contentType;
        response.Headers.CacheControl = "private, no-store";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName, FileName = fileName }.ToString();
        await write(response.Body, context.HttpContext.RequestAborted);
    }
}

/// <summary>Wakes this node's job runner when a job is queued, so it starts at once instead of at the next poll.</summary>
public sealed class ExportJobSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already awake.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);

    public void Dispose() => signal.Dispose();
}
