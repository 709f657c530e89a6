using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Access;

/// <summary>Finds the signed-in user's active membership. A user in several workspaces works in the oldest membership until a workspace switcher exists.</summary>
public sealed class LoadCurrentMember(MessagingDbContext db)
{
    public Task<CurrentMember?> HandleAsync(Guid userId, CancellationToken ct) => LoadAsync(db.Members.Where(m => m.UserId == userId), ct);

    /// <summary>One given membership of the user (what an API token acts as), if it is still active.</summary>
    public Task<CurrentMember?> ForMembershipAsync(Guid userId, long memberId, CancellationToken ct) =>
        LoadAsync(db.Members.Where(m => m.UserId == userId && m.Id == memberId), ct);

    private async Task<CurrentMember?> LoadAsync(IQueryable<Member> candidates, CancellationToken ct)
    {
        var member = await candidates.AsNoTracking()
            .Where(m => m.IsActive)
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
