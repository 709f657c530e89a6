using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Email;

/// <summary>Discards a held mail (its raw copy is dropped; the row stays, so the mailbox copy is never imported again). Not held or another workspace's: 404.</summary>
public sealed class DiscardHeldMail(MessagingDbContext db, TimeProvider clock)
{
    public async Task<Result<bool>> HandleAsync(CurrentMember me, long mailId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!HeldMailAccess.Allows(me))
        {
            return Result<bool>.NotFound();
        }

        var done = await db.InboundMails.Where(m => m.Id == mailId && m.WorkspaceId == me.WorkspaceId && m.Status == InboundMailStatus.Held)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, InboundMailStatus.Discarded)
                .SetProperty(m => m.Raw, (byte[]?)null)
                .SetProperty(m => m.HandledByMemberId, me.MemberId)
                .SetProperty(m => m.DoneAt, clock.GetUtcNow()), ct);
        return done == 1 ? Result<bool>.Ok(true) : Result<bool>.NotFound();
    }
}
