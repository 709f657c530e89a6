using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Common.Events;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Messages;

/// <summary>
/// Deletes a message for everyone: its author with <see cref="Permissions.Delete"/>, or any Admin. The
/// body is erased from the database (not just hidden), with its edit history and mentions, so no page,
/// fragment, event, search or export can show it again; readers see "message deleted". Announced live and
/// audited (<see cref="AuditActions.MessageDelete"/>) in the same SaveChanges. Deleting twice changes nothing.
/// </summary>
public sealed class DeleteMessage(MessagingDbContext db, TimeProvider clock, DomainEvents events)
{
    public async Task<Result<long>> HandleAsync(CurrentMember me, long messageId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var message = await MessageLookup.FindReadableAsync(db, me, messageId, ct);
        if (message is null)
        {
            return Result<long>.NotFound();
        }

        if (await MessageLookup.ClientStageRefusalAsync(db, me, message.ConversationId, ct) is { } closed)
        {
            return Result<long>.Forbidden(closed);
        }

        if (MessageChangeRules.RefuseDelete(me, MessageFacts.Of(message)) is { } refusal)
        {
            return Result<long>.Forbidden(refusal);
        }

        if (message.DeletedAt is not null)
        {
            return Result<long>.Ok(message.Id);
        }

        var now = clock.GetUtcNow();
        message.DeletedAt = now;
        message.Body = string.Empty;
        db.MessageMentions.RemoveRange(message.Mentions);
        await db.MessageEdits.Where(e => e.MessageId == message.Id).LoadAsync(ct);
        db.MessageEdits.RemoveRange(db.MessageEdits.Local.Where(e => e.MessageId == message.Id).ToList());
        await events.SaveAndPublishAsync(new MessageDeleted(message, me), ct);
        return Result<long>.Ok(message.Id);
    }
}
