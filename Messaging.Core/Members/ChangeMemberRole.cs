using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Live;

namespace Messaging.Core.Members;

/// <summary>Sets a staff member's role. Open event streams of the member are ended so they reconnect with the new rights.</summary>
public sealed class ChangeMemberRole(MessagingDbContext db, AuditLog audit)
{
    public async Task<Result<StaffRole>> HandleAsync(CurrentMember me, long memberId, StaffRole role, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsAdmin)
        {
            return Result<StaffRole>.Forbidden(MemberAdministration.AdminsOnly);
        }

        var member = await MemberAdministration.FindTargetAsync(db, me, memberId, ct);
        if (member is null)
        {
            return Result<StaffRole>.NotFound();
        }

        if (member.Id == me.MemberId)
        {
            return Result<StaffRole>.Forbidden(MemberAdministration.NotYourself);
        }

        if (member.Kind != MemberKind.Staff || !Enum.IsDefined(role))
        {
            return Result<StaffRole>.Invalid("Role", "Only staff members have a role; choose Admin, Manager, Coordinator or Viewer.");
        }

        audit.Record(me, AuditActions.MemberRoleChange, "member", member.Id.ToString(CultureInfo.InvariantCulture), $"{member.DisplayName}: {member.Role} → {role}");
        member.Role = role;
        await db.SaveChangesAsync(ct);
        await LiveAccess.RevokeAsync(db, member.Id, ct);
        return Result<StaffRole>.Ok(role);
    }
}
