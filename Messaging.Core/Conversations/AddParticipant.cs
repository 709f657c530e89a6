using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Common.Events;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Conversations;

/// <summary>Staff add someone to a conversation; the thread records "X added Y" and the new participant sees it from then on.</summary>
public sealed class AddParticipant(MessagingDbContext db, MessageWriter writer, TimeProvider clock, AuditLog audit, DomainEvents events)
{
    public const string MemberField = "MemberId";

    public async Task<Result<long>> HandleAsync(CurrentMember me, long conversationId, long memberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var conversation = await ParticipantRules.FindManageableAsync(db, me, conversationId, ct);
        if (conversation is null)
        {
            return Result<long>.NotFound();
        }

        var candidate = await ParticipantRules.Candidates(db, conversation).AnyAsync(m => m.Id == memberId, ct);
        if (!candidate)
        {
            return Result<long>.Invalid(MemberField, "Choose someone from the list: a team member or client contact of the project, or a subcontractor.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Participants.Add(new Participant { ConversationId = conversation.Id, MemberId = memberId, JoinedAt = clock.GetUtcNow() });
        audit.Record(me, AuditActions.ParticipantAdd, "conversation", conversation.Id.ToString(CultureInfo.InvariantCulture), $"member {memberId.ToString(CultureInfo.InvariantCulture)}");
        await db.SaveChangesAsync(ct);
        var line = await writer.AppendParticipantChangeAsync(me, conversation, MessageKind.ParticipantAdded, memberId, ct);
        await events.SaveAndPublishAsync(new ParticipantsChanged(conversation, memberId, Added: true, me), ct);
        await tx.CommitAsync(ct);
        return Result<long>.Ok(line.Id);
    }
}
