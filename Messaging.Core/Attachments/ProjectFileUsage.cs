using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Attachments;

public sealed record FileUsage(long UsedBytes, long QuotaBytes)
{
    public int Percent => QuotaBytes <= 0 ? 100 : (int)Math.Min(100, UsedBytes * 100 / QuotaBytes);
}

/// <summary>
/// How much of its quota a project's files use: the files of its conversations whose message is not deleted
/// and whose bytes are still stored. Files of a deleted message stop counting at once, though the cleanup
/// job removes their bytes only after the retention period.
/// </summary>
public sealed class ProjectFileUsage(MessagingDbContext db)
{
    /// <summary>For the project page (Managers and Admins, like the page); null for a project that is not theirs to see.</summary>
    public async Task<FileUsage?> HandleAsync(CurrentMember me, long projectId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var workspace = await db.Projects.AsNoTracking()
            .Where(p => p.Id == projectId && p.WorkspaceId == me.WorkspaceId && me.SeesWholeWorkspace)
            .Select(p => (long?)p.WorkspaceId)
            .SingleOrDefaultAsync(ct);
        if (workspace is null)
        {
            return null;
        }

        var settings = await GetFileSettings.LoadAsync(db, workspace.Value, ct);
        return new FileUsage(await UsedBytesAsync(db, projectId, ct), settings.ProjectQuotaBytes);
    }

    internal static Task<long> UsedBytesAsync(MessagingDbContext db, long projectId, CancellationToken ct) =>
        db.Attachments
            .Where(a => a.PurgedAt == null && a.Message!.DeletedAt == null && a.Conversation!.ProjectId == projectId)
            .SumAsync(a => a.SizeBytes, ct);
}
