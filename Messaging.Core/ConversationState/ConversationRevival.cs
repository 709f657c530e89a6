using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.ConversationState;

/// <summary>
/// A new message brings an archived or "deleted for me" conversation back to the list of every
/// participant who can read it (an internal note only for staff). Runs inside the transaction that
/// stores the message (<see cref="MessageWriter"/>), so the message and the revival commit together.
/// </summary>
public static class ConversationRevival
{
    public static Task<int> OnNewMessageAsync(MessagingDbContext db, long conversationId, MessageVisibility visibility, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Participants
            .Where(p => p.ConversationId == conversationId && (p.IsArchived || p.HiddenAt != null))
            .Where(p => visibility == MessageVisibility.Everyone || p.Member!.Kind == MemberKind.Staff)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.IsArchived, false).SetProperty(p => p.HiddenAt, (DateTimeOffset?)null), ct);
    }
}
