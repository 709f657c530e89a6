using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Messaging.Core.Safety;

/// <summary>
/// Blocks another member of the signed-in member's workspace. Unknown ids, other workspaces' members
/// and oneself are not found; members <see cref="ContactRules.CanBlock"/> refuses are refused with a
/// reason. Blocking twice keeps one block.
/// </summary>
public sealed class BlockMember(MessagingDbContext db, TimeProvider clock)
{
    public async Task<Result<string>> HandleAsync(CurrentMember me, long memberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var target = await db.Members.AsNoTracking()
            .Where(m => m.Id == memberId && m.Id != me.MemberId && m.WorkspaceId == me.WorkspaceId)
            .Select(m => new { m.DisplayName, m.Kind, m.Role })
            .SingleOrDefaultAsync(ct);
        if (target is null)
        {
            return Result<string>.NotFound();
        }

        if (!ContactRules.CanBlock(me, target.Kind, target.Role))
        {
            return Result<string>.Forbidden(target.Kind == MemberKind.Staff && target.Role == StaffRole.Admin
                ? $"{target.DisplayName} is an administrator and can't be blocked. Report the message instead."
                : $"{target.DisplayName} is on the team of your projects and can't be blocked. Report the message instead.");
        }

        if (!await db.MemberBlocks.AnyAsync(b => b.BlockerMemberId == me.MemberId && b.BlockedMemberId == memberId, ct))
        {
            db.MemberBlocks.Add(new MemberBlock { BlockerMemberId = me.MemberId, BlockedMemberId = memberId, CreatedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // A concurrent request blocked the same member: one block it is.
                db.ChangeTracker.Clear();
            }
        }

        return Result<string>.Ok(target.DisplayName);
    }
}
