using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Attachments;

/// <summary>
/// After a send, removes the batch's blobs that no attachment row references: all of them when the message
/// was refused or failed, the new copies when a retried send (same idempotency key) returned the message
/// stored the first time. Runs on every path, so an upload never leaves a stray file behind.
/// </summary>
public sealed class DiscardUnusedUploads(MessagingDbContext db, IBlobStore store)
{
    public async Task HandleAsync(UploadBatch? batch, CancellationToken ct)
    {
        if (batch is null || batch.WrittenKeys.Count == 0)
        {
            return;
        }

        var keys = batch.WrittenKeys.ToList();
        var kept = await db.Attachments.AsNoTracking().Where(a => keys.Contains(a.StorageKey)).Select(a => a.StorageKey).ToListAsync(ct);
        foreach (var key in keys.Except(kept, StringComparer.Ordinal))
        {
            await store.DeleteAsync(key, ct);
        }
    }
}
