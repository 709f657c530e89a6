using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Export;

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
