using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Messaging.Core.Attachments;

/// <summary>
/// Makes the previews of attachments that have none yet (images, videos, PDFs: whatever <see cref="IPreviewMaker"/>
/// can draw), off the request path: the web host's preview service calls it in a loop. Bounded: a file over
/// <see cref="PreviewOptions.MaxSourceBytes"/> is not read, one preview may take <see cref="PreviewOptions.TimeoutSeconds"/>.
/// Each file gets one <c>attachment_previews</c> row (the first node to write it wins); a file that cannot be drawn is
/// recorded with its reason, keeps its icon and never stops the others. Returns how many files were tried.
/// </summary>
public sealed class MakeAttachmentPreviews(MessagingDbContext db, IBlobStore store, IPreviewMaker maker, IOptions<PreviewOptions> options, TimeProvider clock, ILogger<MakeAttachmentPreviews> logger)
{
    public const int Batch = 10;

    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var o = options.Value;
        var previews = db.Set<AttachmentPreview>();
        var candidates = await db.Attachments.AsNoTracking()
            .Where(a => a.PurgedAt == null && (a.Category == FileCategory.Image || a.Category == FileCategory.Video || a.Category == FileCategory.Pdf)
                && !previews.Any(p => p.AttachmentId == a.Id))
            .OrderBy(a => a.Id)
            .Take(Batch)
            .Select(a => new Pending(a.Id, a.Category, a.Extension, a.SizeBytes, a.StorageKey))
            .ToListAsync(ct);
        foreach (var file in candidates)
        {
            var (status, picture) = maker.CanPreview(file.Category, file.Extension)
                ? await MakeAsync(file, o, ct)
                : (AttachmentPreviewStatus.Failed, null);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO attachment_previews (attachment_id, status, width, height, jpeg, made_at)
                VALUES ({file.Id}, {status}, {picture?.Width ?? 0}, {picture?.Height ?? 0}, {picture?.Jpeg}, {clock.GetUtcNow()})
                ON CONFLICT (attachment_id) DO NOTHING
                """, ct);
        }

        return candidates.Count;
    }

    private async Task<(string Status, PreviewPicture? Picture)> MakeAsync(Pending file, PreviewOptions o, CancellationToken ct)
    {
        if (file.SizeBytes > o.MaxSourceBytes)
        {
            return (AttachmentPreviewStatus.TooLarge, null);
        }

        var path = Path.Combine(Path.GetTempPath(), $"messaging-preview-{Guid.NewGuid():N}.{file.Extension}");
        try
        {
            await using (var source = await store.OpenReadAsync(file.StorageKey, ct))
            {
                if (source is null)
                {
                    return (AttachmentPreviewStatus.Missing, null);
                }

                await using var copy = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
                await source.CopyToAsync(copy, ct);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
            try
            {
                return (AttachmentPreviewStatus.Ready, await maker.MakeAsync(path, file.Category, file.Extension, timeout.Token));
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning("The preview of attachment {Id} took longer than {Seconds} s; it keeps its icon", file.Id, o.TimeoutSeconds);
                return (AttachmentPreviewStatus.TimedOut, null);
            }
            catch (PreviewTooLargeException ex)
            {
                logger.LogInformation("Attachment {Id} gets no preview: {Reason}", file.Id, ex.Message);
                return (AttachmentPreviewStatus.TooLarge, null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogInformation(ex, "The preview of attachment {Id} ({Extension}) could not be made; it keeps its icon", file.Id, file.Extension);
                return (AttachmentPreviewStatus.Failed, null);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed record Pending(long Id, FileCategory Category, string Extension, long SizeBytes, string StorageKey);
}
