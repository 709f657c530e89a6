using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Common.Events;
using Messaging.Core.Data;
using Messaging.Core.Live;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Conversations;

/// <summary>
/// Staff remove someone from a conversation. The thread records "X removed Y"; the removed person
/// loses access at once, and their open event streams are ended so nothing more reaches them.
/// (Staff who see the conversation through their role or project keep seeing it.)
/// </summary>
public sealed class RemoveParticipant(MessagingDbContext db, MessageWriter writer, AuditLog audit, DomainEvents events)
{
    public async Task<Result<long>> HandleAsync(CurrentMember me, long conversationId, long memberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var conversation = await ParticipantRules.FindManageableAsync(db, me, conversationId, ct);
        if (conversation is null)
        {
            return Result<long>.NotFound();
        }

        var participant = await db.Participants.SingleOrDefaultAsync(p => p.ConversationId == conversation.Id && p.MemberId == memberId, ct);
        if (participant is null)
        {
            return Result<long>.Invalid("MemberId", "That person is not in this conversation.");
        }

        if (!await db.Participants.AnyAsync(p => p.ConversationId == conversation.Id && p.MemberId != memberId, ct))
        {
            return Result<long>.Invalid("MemberId", "A conversation needs at least one participant.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var line = await writer.AppendParticipantChangeAsync(me, conversation, MessageKind.ParticipantRemoved, memberId, ct);
        db.Participants.Remove(participant);
        audit.Record(me, AuditActions.ParticipantRemove, "conversation", conversation.Id.ToString(CultureInfo.InvariantCulture), $"member {memberId.ToString(CultureInfo.InvariantCulture)}");
        await events.SaveAndPublishAsync(new ParticipantsChanged(conversation, memberId, Added: false, me), ct);
        await LiveAccess.RevokeAsync(db, memberId, ct);
        await tx.CommitAsync(ct);
        return Result<long>.Ok(line.Id);
    }
}
