using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Attachments;

/// <summary>Every file shared in all conversations of a project, for those who run projects (Managers and Admins, like the project page).</summary>
public sealed class ListProjectFiles(MessagingDbContext db)
{
    public async Task<FileList?> HandleAsync(CurrentMember me, long projectId, FileListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var name = me.SeesWholeWorkspace
            ? await db.Projects.AsNoTracking().Where(p => p.Id == projectId && p.WorkspaceId == me.WorkspaceId).Select(p => p.Name).SingleOrDefaultAsync(ct)
            : null;
        return name is null ? null : await FileListing.ListAsync(db, me, name, null, projectId, a => a.Conversation!.ProjectId == projectId, query, ct);
    }
}
