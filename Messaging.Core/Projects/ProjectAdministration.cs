using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Projects;

/// <summary>Shared rule of the project use cases: Managers and Admins manage the projects of their own workspace; to anyone else they do not exist.</summary>
public static class ProjectAdministration
{
    public static bool CanManage(CurrentMember me) => me.SeesWholeWorkspace;

    public static Task<Project?> FindAsync(MessagingDbContext db, CurrentMember me, long projectId, CancellationToken ct) =>
        CanManage(me)
            ? db.Projects.Include(p => p.Members).SingleOrDefaultAsync(p => p.Id == projectId && p.WorkspaceId == me.WorkspaceId, ct)
            : Task.FromResult<Project?>(null);
}
