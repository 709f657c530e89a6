using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Members;

/// <summary>A member as the members admin page shows them. <see cref="Overrides"/> maps a permission to granted (true) or revoked (false).</summary>
public sealed record MemberRow(
    long Id,
    Guid UserId,
    string DisplayName,
    string Email,
    MemberKind Kind,
    StaffRole? Role,
    bool IsSubcontractor,
    bool IsActive,
    IReadOnlySet<string> Effective,
    IReadOnlyDictionary<string, bool> Overrides);

/// <summary>Every member of the Admin's workspace (or just one), staff first, then clients, by name.</summary>
public sealed class ListMembers(MessagingDbContext db, IAccountDirectory accounts)
{
    public async Task<IReadOnlyList<MemberRow>> HandleAsync(CurrentMember me, long? onlyMemberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsAdmin)
        {
            return [];
        }

        var members = await db.Members.AsNoTracking()
            .Where(m => m.WorkspaceId == me.WorkspaceId)
            .Where(m => onlyMemberId == null || m.Id == onlyMemberId)
            .OrderBy(m => m.Kind).ThenBy(m => m.DisplayName).ThenBy(m => m.Id)
            .Select(m => new
            {
                m.Id,
                m.UserId,
                m.DisplayName,
                m.Kind,
                m.Role,
                m.IsSubcontractor,
                m.IsActive,
                Overrides = db.MemberPermissions.Where(p => p.MemberId == m.Id).Select(p => new { p.Permission, p.Granted }).ToList(),
            })
            .ToListAsync(ct);
        var emails = await accounts.EmailsAsync(members.Select(m => m.UserId).ToList(), ct);
        return members.Select(m => new MemberRow(
            m.Id,
            m.UserId,
            m.DisplayName,
            emails.GetValueOrDefault(m.UserId, string.Empty),
            m.Kind,
            m.Role,
            m.IsSubcontractor,
            m.IsActive,
            Permissions.Effective(m.Kind, m.Role, m.Overrides.Select(o => (o.Permission, o.Granted))),
            m.Overrides.ToDictionary(o => o.Permission, o => o.Granted, StringComparer.Ordinal))).ToList();
    }
}
