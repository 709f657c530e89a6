using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Access;

/// <summary>Finds the signed-in user's active membership. A user in several workspaces works in the oldest membership until a workspace switcher exists.</summary>
public sealed class LoadCurrentMember(MessagingDbContext db)
{
    public async Task<CurrentMember?> HandleAsync(Guid userId, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking()
            .Where(m => m.UserId == userId && m.IsActive)
            .OrderBy(m => m.Id)
            .Select(m => new
            {
                m.Id,
                m.WorkspaceId,
                m.DisplayName,
                m.Kind,
                m.Role,
                Overrides = db.MemberPermissions.Where(p => p.MemberId == m.Id).Select(p => new { p.Permission, p.Granted }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        return member is null
            ? null
            : new CurrentMember(
                member.Id,
                member.WorkspaceId,
                member.DisplayName,
                member.Kind,
                member.Role,
                Permissions.Effective(member.Kind, member.Role, member.Overrides.Select(o => (o.Permission, o.Granted))));
    }
}
