using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Scheduling;

/// <summary>
/// Cancels one's own scheduled message while it waits (or dismisses one whose send failed). A message
/// already claimed for sending, or sent, can no longer be cancelled: that is refused with a message.
/// </summary>
public sealed class CancelScheduledMessage(MessagingDbContext db, TimeProvider clock)
{
    public const string TooLate = "This message is already being sent; it can no longer be cancelled.";

    public async Task<Result<long>> HandleAsync(CurrentMember me, long conversationId, long scheduledId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var visible = await db.Conversations.AsNoTracking().VisibleTo(me).AnyAsync(c => c.Id == conversationId, ct);
        if (!visible || !await db.ScheduledMessages.AsNoTracking().Own(me, conversationId, scheduledId).AnyAsync(ct))
        {
            return Result<long>.NotFound();
        }

        var now = clock.GetUtcNow();
        var changed = await db.ScheduledMessages
            .Own(me, conversationId, scheduledId)
            .Where(s => s.Status == ScheduledMessageStatus.Pending || s.Status == ScheduledMessageStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ScheduledMessageStatus.Cancelled).SetProperty(x => x.UpdatedAt, now), ct);
        return changed == 1 ? Result<long>.Ok(scheduledId) : Result<long>.Invalid(ScheduleRules.BodyField, TooLate);
    }
}
