using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Common.Events;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Messages;

public sealed record EditMessageCommand(long MessageId, string? Body);

/// <summary>
/// The author changes their message within the workspace's edit window. The previous body goes to the
/// edit history, mentions and item references follow the new text, and the change is announced live and audited
/// (<see cref="AuditActions.MessageEdit"/>), all in one SaveChanges. Saving the same text changes nothing.
/// </summary>
public sealed class EditMessage(MessagingDbContext db, TimeProvider clock, DomainEvents events, ResolveMentions mentions, ResolveItemReferences references)
{
    public async Task<Result<long>> HandleAsync(CurrentMember me, EditMessageCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(command);
        var message = await MessageLookup.FindReadableAsync(db, me, command.MessageId, ct);
        if (message is null)
        {
            return Result<long>.NotFound();
        }

        if (await MessageLookup.ClientStageRefusalAsync(db, me, message.ConversationId, ct) is { } closed)
        {
            return Result<long>.Forbidden(closed);
        }

        var window = await db.Workspaces.Where(w => w.Id == me.WorkspaceId).Select(w => w.EditWindowMinutes).SingleAsync(ct);
        var now = clock.GetUtcNow();
        if (MessageChangeRules.RefuseEdit(me, MessageFacts.Of(message), window, now) is { } refusal)
        {
            return Result<long>.Forbidden(refusal);
        }

        if (MessageBodyRules.Validate(command.Body) is { } error)
        {
            return Result<long>.Invalid(SendMessage.BodyField, error);
        }

        var body = MessageBodyRules.Normalize(command.Body!);
        if (body == message.Body)
        {
            return Result<long>.Ok(message.Id);
        }

        var mentioned = await mentions.HandleAsync(me, message.ConversationId, body, message.Visibility, ct);
        if (!mentioned.Succeeded)
        {
            return Result<long>.Invalid(SendMessage.BodyField, mentioned.Error!);
        }

        var referenced = await references.HandleAsync(message.ConversationId, body, strict: true, ct);
        if (!referenced.Succeeded)
        {
            return Result<long>.Invalid(SendMessage.BodyField, referenced.Error!);
        }

        db.MessageEdits.Add(new MessageEdit { MessageId = message.Id, PreviousBody = message.Body, EditedAt = now });
        var kept = await db.MessageItemReferences.Where(r => r.MessageId == message.Id).ToListAsync(ct);
        db.MessageItemReferences.RemoveRange(kept.Where(r => referenced.Value!.All(n => n.Token != r.Token)));
        foreach (var reference in referenced.Value!.Where(n => kept.All(r => r.Token != n.Token)))
        {
            reference.MessageId = message.Id;
            db.MessageItemReferences.Add(reference);
        }

        message.Body = body;
        message.EditedAt = now;
        db.MessageMentions.RemoveRange(message.Mentions.Where(m => !mentioned.Value!.Contains(m.MemberId)).ToList());
        foreach (var memberId in mentioned.Value!.Where(id => message.Mentions.All(m => m.MemberId != id)))
        {
            db.MessageMentions.Add(new MessageMention { MessageId = message.Id, MemberId = memberId, ConversationId = message.ConversationId, CreatedAt = now });
        }

        await events.SaveAndPublishAsync(new MessageEdited(message, me), ct);
        return Result<long>.Ok(message.Id);
    }
}
