using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Export;

/// <summary>
/// What the background runner needs: claim the oldest queued job (<c>FOR UPDATE SKIP LOCKED</c>, so several nodes
/// never take the same one; a job left Running by a crashed node for <see cref="StaleAfter"/> is taken over),
/// report progress, and finish it.
/// </summary>
public sealed class RunExportJobs(MessagingDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(15);

    /// <summary>Claims the next job to run, or null when none is waiting.</summary>
    public async Task<ExportJob?> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stale = now - StaleAfter;
        var queued = nameof(ExportJobStatus.Queued);
        var running = nameof(ExportJobStatus.Running);
        var ids = await db.Database.SqlQuery<long>($"""
            UPDATE export_jobs SET status = {running}, started_at = {now}, done_messages = 0
            WHERE id = (
                SELECT id FROM export_jobs
                WHERE status = {queued} OR (status = {running} AND started_at < {stale})
                ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        return ids.Count == 0 ? null : await db.ExportJobs.AsNoTracking().SingleAsync(j => j.Id == ids[0], ct);
    }

    public Task ProgressAsync(long jobId, int done, CancellationToken ct) =>
        db.ExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.DoneMessages, done), ct);

    public Task DoneAsync(long jobId, string fileName, string fileSha256, CancellationToken ct) =>
        db.ExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ExportJobStatus.Done)
            .SetProperty(j => j.DoneMessages, j => j.TotalMessages)
            .SetProperty(j => j.FileName, fileName)
            .SetProperty(j => j.FileSha256, fileSha256)
            .SetProperty(j => j.FinishedAt, clock.GetUtcNow()), ct);

    public Task FailedAsync(long jobId, string error, CancellationToken ct) =>
        db.ExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ExportJobStatus.Failed)
            .SetProperty(j => j.Error, error.Length <= ExportJob.MaxErrorLength ? error : error[..ExportJob.MaxErrorLength])
            .SetProperty(j => j.FinishedAt, clock.GetUtcNow()), ct);
}
