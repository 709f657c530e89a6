using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Live;

namespace Messaging.Core.Members;

/// <summary>
/// Deactivates or reactivates a member. A deactivated member cannot sign in, their open sessions and
/// event streams end at once, and their past messages keep their name. Nothing is deleted.
/// </summary>
public sealed class SetMemberActive(MessagingDbContext db, AuditLog audit)
{
    public async Task<Result<bool>> HandleAsync(CurrentMember me, long memberId, bool active, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsAdmin)
        {
            return Result<bool>.Forbidden(MemberAdministration.AdminsOnly);
        }

        var member = await MemberAdministration.FindTargetAsync(db, me, memberId, ct);
        if (member is null)
        {
            return Result<bool>.NotFound();
        }

        if (member.Id == me.MemberId)
        {
            return Result<bool>.Forbidden(MemberAdministration.NotYourself);
        }

        member.IsActive = active;
        audit.Record(me, active ? AuditActions.MemberReactivate : AuditActions.MemberDeactivate, "member", member.Id.ToString(CultureInfo.InvariantCulture), member.DisplayName);
        await db.SaveChangesAsync(ct);
        if (!active)
        {
            await LiveAccess.RevokeAsync(db, member.Id, ct);
        }

        return Result<bool>.Ok(active);
    }
}
