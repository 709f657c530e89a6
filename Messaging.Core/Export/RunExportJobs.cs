using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Export;

/// <summary>A job as its page shows it.</summary>
public sealed record ExportJobView(
    long Id, ExportFormat Format, ExportJobStatus Status, int TotalMessages, int DoneMessages, int ConversationCount,
    string? FileName, string? Error, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt)
{
    public int Percent => Status == ExportJobStatus.Done ? 100
        : TotalMessages <= 0 ? 0 : Math.Clamp((int)(100L * DoneMessages / TotalMessages), 0, 99);

    public bool IsFinished => Status is ExportJobStatus.Done or ExportJobStatus.Failed;
}

/// <summary>Queues a planned export for the background runner (the audit entry is written with it).</summary>
public sealed class QueueExportJob(MessagingDbContext db, RecordExport record, TimeProvider clock)
{
    public async Task<long> HandleAsync(CurrentMember me, ExportPlan plan, ExportFormat format, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(plan);
        var job = new ExportJob
        {
            WorkspaceId = me.WorkspaceId,
            MemberId = me.MemberId,
            Format = format,
            ConversationIds = plan.Conversations.Select(c => c.Id).ToArray(),
            RangeFrom = plan.Request.From,
            RangeTo = plan.Request.To,
            IncludeInternalNotes = plan.IncludesInternalNotes,
            Status = ExportJobStatus.Queued,
            TotalMessages = plan.MessageCount,
            CreatedAt = clock.GetUtcNow(),
        };
        db.ExportJobs.Add(job);
        await record.HandleAsync(me, plan, format, "background job", ct);
        return job.Id;
    }
}

/// <summary>The member's own export jobs (anyone else's id is not found), newest first.</summary>
public sealed class GetExportJobs(MessagingDbContext db)
{
    public Task<ExportJobView?> HandleAsync(CurrentMember me, long jobId, CancellationToken ct) =>
        View(Mine(me).Where(j => j.Id == jobId)).FirstOrDefaultAsync(ct);

    public Task<List<ExportJobView>> RecentAsync(CurrentMember me, CancellationToken ct) =>
        View(Mine(me).OrderByDescending(j => j.Id).Take(20)).ToListAsync(ct);

    private IQueryable<ExportJob> Mine(CurrentMember me)
    {
        ArgumentNullException.ThrowIfNull(me);
        return db.ExportJobs.AsNoTracking().Where(j => j.MemberId == me.MemberId && j.WorkspaceId == me.WorkspaceId);
    }

    private static IQueryable<ExportJobView> View(IQueryable<ExportJob> jobs) =>
        jobs.Select(j => new ExportJobView(j.Id, j.Format, j.Status, j.TotalMessages, j.DoneMessages, j.ConversationIds.Length,
            j.FileName, j.Error, j.CreatedAt, j.FinishedAt));
}

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
