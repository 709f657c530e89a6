using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Safety;

/// <summary>Removes one of the signed-in member's blocks. A member not on their block list is not found.</summary>
public sealed class UnblockMember(MessagingDbContext db)
{
    public async Task<Result<string>> HandleAsync(CurrentMember me, long memberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var name = await db.MemberBlocks.AsNoTracking()
            .Where(b => b.BlockerMemberId == me.MemberId && b.BlockedMemberId == memberId)
            .Select(b => b.Blocked!.DisplayName)
            .SingleOrDefaultAsync(ct);
        if (name is null)
        {
            return Result<string>.NotFound();
        }

        await db.MemberBlocks.Where(b => b.BlockerMemberId == me.MemberId && b.BlockedMemberId == memberId).ExecuteDeleteAsync(ct);
        return Result<string>.Ok(name);
    }
}
