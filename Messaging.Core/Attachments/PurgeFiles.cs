using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Attachments;

/// <summary>What a cleanup run removed.</summary>
public sealed record PurgeReport(int ExpiredFiles, int OrphanBlobs);

/// <summary>
/// The cleanup job's work. (1) Files of messages deleted longer ago than the workspace's retention period:
/// their bytes are removed and the row marks when (it stays, as history). (2) Blobs no attachment row
/// references — left by an upload interrupted before its message was committed, or by a removed conversation —
/// once they are older than <paramref name="orphanGrace"/>, so an upload still in progress is never touched.
/// Safe to run on several nodes at once: deleting a missing blob is not an error.
/// </summary>
public sealed class PurgeFiles(MessagingDbContext db, IBlobStore store, TimeProvider clock)
{
    private const int Batch = 500;

    public async Task<PurgeReport> HandleAsync(TimeSpan orphanGrace, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expired = 0;
        var workspaces = await db.Workspaces.AsNoTracking().Select(w => new { w.Id, w.FileRetentionDays }).ToListAsync(ct);
        foreach (var workspace in workspaces)
        {
            var cutoff = now.AddDays(-workspace.FileRetentionDays);
            while (true)
            {
                var due = await db.Attachments
                    .Where(a => a.WorkspaceId == workspace.Id && a.PurgedAt == null && a.Message!.DeletedAt != null && a.Message.DeletedAt < cutoff)
                    .OrderBy(a => a.Id)
                    .Take(Batch)
                    .ToListAsync(ct);
                if (due.Count == 0)
                {
                    break;
                }

                foreach (var attachment in due)
                {
                    await store.DeleteAsync(attachment.StorageKey, ct);
                    attachment.PurgedAt = now;
                }

                await db.SaveChangesAsync(ct);
                var purged = due.Select(a => a.Id).ToList();
                await db.Set<AttachmentPreview>().Where(p => purged.Contains(p.AttachmentId)).ExecuteDeleteAsync(ct);
                expired += due.Count;
            }
        }

        var orphans = 0;
        var candidates = new List<string>();
        await foreach (var blob in store.ListAsync(ct))
        {
            if (blob.LastModified < now - orphanGrace)
            {
                candidates.Add(blob.Key);
            }

            if (candidates.Count == Batch)
            {
                orphans += await DeleteUnreferencedAsync(candidates, ct);
                candidates.Clear();
            }
        }

        orphans += await DeleteUnreferencedAsync(candidates, ct);
        return new PurgeReport(expired, orphans);
    }

    private async Task<int> DeleteUnreferencedAsync(List<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return 0;
        }

        var referenced = await db.Attachments.AsNoTracking().Where(a => keys.Contains(a.StorageKey)).Select(a => a.StorageKey).ToListAsync(ct);
        var unreferenced = keys.Except(referenced, StringComparer.Ordinal).ToList();
        foreach (var key in unreferenced)
        {
            await store.DeleteAsync(key, ct);
        }

        return unreferenced.Count;
    }
}
