using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Common.Events;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

/// <summary>Staff set a conversation open, waiting on the client, or closed; audited; <see cref="ConversationStatusChanged"/> is published (and announced to staff live).</summary>
public sealed class SetConversationStatus(MessagingDbContext db, AuditLog audit, TimeProvider clock, DomainEvents events)
{
    public const string StatusField = "status";

    public async Task<Result<ConversationStatus>> HandleAsync(CurrentMember me, long conversationId, ConversationStatus status, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var (conversation, failure) = await InboxRules.FindWorkableAsync(db, me, conversationId, ct);
        if (conversation is null)
        {
            return InboxRules.Refusal<ConversationStatus>(failure);
        }

        if (!Enum.IsDefined(status))
        {
            return Result<ConversationStatus>.Invalid(StatusField, "Choose a status: open, waiting on client or closed.");
        }

        if (conversation.Status != status)
        {
            audit.Record(me, AuditActions.ConversationStatus, "conversation", conversation.Id.ToString(CultureInfo.InvariantCulture), $"{conversation.Status} -> {status}");
            conversation.Status = status;
            await events.SaveAndPublishAsync(new ConversationStatusChanged(conversation, status, me.MemberId, clock.GetUtcNow()), ct);
        }

        return Result<ConversationStatus>.Ok(status);
    }
}
