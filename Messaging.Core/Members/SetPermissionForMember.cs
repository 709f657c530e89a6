using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Live;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Members;

public enum PermissionSetting
{
    /// <summary>Whatever the member's kind and role give.</summary>
    RoleDefault,
    Grant,
    Revoke,
}

/// <summary>Grants or revokes one permission for one member, or returns it to the role's default.</summary>
public sealed class SetPermissionForMember(MessagingDbContext db, AuditLog audit)
{
    public async Task<Result<PermissionSetting>> HandleAsync(
        CurrentMember me, long memberId, string? permission, PermissionSetting setting, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsAdmin)
        {
            return Result<PermissionSetting>.Forbidden(MemberAdministration.AdminsOnly);
        }

        var member = await MemberAdministration.FindTargetAsync(db, me, memberId, ct);
        if (member is null)
        {
            return Result<PermissionSetting>.NotFound();
        }

        if (member.Id == me.MemberId)
        {
            return Result<PermissionSetting>.Forbidden(MemberAdministration.NotYourself);
        }

        if (permission is null || !Permissions.All.Contains(permission) || !Enum.IsDefined(setting))
        {
            return Result<PermissionSetting>.Invalid("Permission", "Unknown permission.");
        }

        if (!Permissions.CanBeOverridden(member.Kind, member.Role))
        {
            return Result<PermissionSetting>.Invalid("Permission", "Administrators always have every permission.");
        }

        if (setting == PermissionSetting.Grant && !Permissions.CanBeGranted(member.Kind, member.Role, permission))
        {
            return Result<PermissionSetting>.Invalid("Permission", "A Viewer reads but never sends or deletes; change the role instead.");
        }

        var row = await db.MemberPermissions.SingleOrDefaultAsync(p => p.MemberId == member.Id && p.Permission == permission, ct);
        if (setting == PermissionSetting.RoleDefault)
        {
            if (row is not null)
            {
                db.MemberPermissions.Remove(row);
            }
        }
        else if (row is null)
        {
            db.MemberPermissions.Add(new PermissionOverride { MemberId = member.Id, Permission = permission, Granted = setting == PermissionSetting.Grant });
        }
        else
        {
            row.Granted = setting == PermissionSetting.Grant;
        }

        audit.Record(me, AuditActions.MemberPermissionChange, "member", member.Id.ToString(CultureInfo.InvariantCulture), $"{member.DisplayName}: {permission} {setting}");
        await db.SaveChangesAsync(ct);
        await LiveAccess.RevokeAsync(db, member.Id, ct);
        return Result<PermissionSetting>.Ok(setting);
    }
}
