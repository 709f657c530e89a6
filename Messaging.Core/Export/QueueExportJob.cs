using Messaging.Core.Access;
using Messaging.Core.Data;

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
