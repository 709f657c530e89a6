using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Members;

/// <summary>Shared rules of the members admin use cases: only Admins, only members of their own workspace, never themselves.</summary>
internal static class MemberAdministration
{
    public const string AdminsOnly = "Only administrators can manage members.";
    public const string NotYourself = "You cannot change your own role, permissions or status; ask another administrator.";

    /// <summary>The member to change, tracked; null when unknown or in another workspace (the caller answers 404).</summary>
    public static Task<Member?> FindTargetAsync(MessagingDbContext db, CurrentMember me, long memberId, CancellationToken ct) =>
        db.Members.SingleOrDefaultAsync(m => m.Id == memberId && m.WorkspaceId == me.WorkspaceId, ct);
}
