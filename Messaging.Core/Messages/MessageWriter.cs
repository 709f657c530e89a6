using Messaging.Core.Access;
using Messaging.Core.Common.Events;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Messages;

/// <summary>
/// Appends a message to a conversation inside the caller's transaction: the message row; then publishes <see cref="MessageAppended"/>,
/// and what else a message sets off (the live event, the audit entry, the inbox workflow, notification
/// emails...) is done by that event's handlers, in the same transaction; then the sender's read pointer and, last,
/// the conversation's activity times. A retried idempotent send never gets
/// here, so it sets off nothing twice. Shared by <see cref="SendMessage"/>, <see cref="StartConversation"/> and
/// the lines the thread tells about itself, so all write the same rows.
/// </summary>
public sealed class MessageWriter(MessagingDbContext db, TimeProvider clock, DomainEvents events)
{
    /// <summary>What an earlier message sent by this member with this idempotency key resolved to (its id, its conversation...), if any.</summary>
    public async Task<long?> FindByKeyAsync(CurrentMember me, Guid? key, System.Linq.Expressions.Expression<Func<Message, long>> select, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (key is null)
        {
            return null;
        }

        var found = await db.Messages.AsNoTracking()
            .Where(m => m.AuthorMemberId == me.MemberId && m.IdempotencyKey == key)
            .Select(select)
            .ToListAsync(ct);
        return found.Count == 0 ? null : found[0];
    }

    public Task<Message> AppendAsync(
        CurrentMember me, Conversation conversation, string body, MessageVisibility visibility, Guid? idempotencyKey, CancellationToken ct) =>
        AppendAsync(me, conversation, body, visibility, idempotencyKey, MessageExtras.None, ct);

    /// <summary>Appends a message with a reply-to, a priority and mentions (already checked by the caller).</summary>
    public Task<Message> AppendAsync(
        CurrentMember me, Conversation conversation, string body, MessageVisibility visibility, Guid? idempotencyKey, MessageExtras extras, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(extras);
        var message = new Message
        {
            Body = MessageBodyRules.Normalize(body),
            Visibility = visibility,
            IdempotencyKey = idempotencyKey,
            ReplyToId = extras.ReplyToId,
            Priority = extras.Priority,
            Channel = extras.Channel,
        };
        message.Mentions.AddRange(extras.MentionedMemberIds.Select(id => new MessageMention { MemberId = id, ConversationId = conversation.Id }));
        message.ItemReferences.AddRange(extras.ItemReferences);
        return AppendAsync(me, conversation, message, ct);
    }

    /// <summary>Records "me added/removed subject" in the thread, visible to everyone in it.</summary>
    public Task<Message> AppendParticipantChangeAsync(
        CurrentMember me, Conversation conversation, MessageKind kind, long subjectMemberId, CancellationToken ct) =>
        AppendSystemLineAsync(me, conversation, kind, subjectMemberId, MessageVisibility.Everyone, ct);

    /// <summary>Records a line the thread tells about itself ("X assigned Y"), with the given visibility.</summary>
    public Task<Message> AppendSystemLineAsync(
        CurrentMember me, Conversation conversation, MessageKind kind, long? subjectMemberId, MessageVisibility visibility, CancellationToken ct) =>
        AppendAsync(me, conversation, new Message
        {
            Body = string.Empty,
            Visibility = visibility,
            Kind = kind,
            SubjectMemberId = subjectMemberId,
        }, ct);

    /// <summary>
    /// Appends a system message (<see cref="MessageKind.System"/>): plain text the portal announces, set off by <paramref name="me"/>
    /// but not written by them, so it never makes them a participant.
    /// </summary>
    public Task<Message> AppendSystemMessageAsync(
        CurrentMember me, Conversation conversation, string text, MessageVisibility visibility, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AppendAsync(me, conversation, new Message
        {
            Body = text.Length > Message.MaxBodyLength ? text[..Message.MaxBodyLength] : text,
            Visibility = visibility,
            Kind = MessageKind.System,
        }, ct);
    }

    private async Task<Message> AppendAsync(CurrentMember me, Conversation conversation, Message message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(conversation);
        var now = clock.GetUtcNow();
        var visibility = message.Visibility;
        message.WorkspaceId = conversation.WorkspaceId;
        message.ConversationId = conversation.Id;
        message.AuthorMemberId = me.MemberId;
        message.CreatedAt = now;
        foreach (var mention in message.Mentions)
        {
            mention.CreatedAt = now;
        }

        db.Messages.Add(message);
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(new MessageAppended(conversation, message, me.Kind), ct);
        var participant = await db.Participants.SingleOrDefaultAsync(
            p => p.ConversationId == conversation.Id && p.MemberId == me.MemberId, ct);
        if (participant is null && visibility == MessageVisibility.Everyone && message.Kind != MessageKind.System)
        {
            // Staff who answer a thread they could only see become part of it.
            participant = new Participant { ConversationId = conversation.Id, MemberId = me.MemberId, JoinedAt = now };
            db.Participants.Add(participant);
        }

        if (participant is not null)
        {
            participant.LastReadMessageId = Math.Max(participant.LastReadMessageId, message.Id);
        }

        await db.SaveChangesAsync(ct);
        await TouchAsync(conversation, now, visibility == MessageVisibility.Everyone, ct);
        return message;
    }

    /// <summary>
    /// The conversation's activity times, moved forward (never back) by one statement, last, just before the caller
    /// commits: the conversation row is locked only from here to the commit, not while the handlers of
    /// <see cref="MessageAppended"/> run, so concurrent sends to one conversation do not queue behind each other's
    /// whole transaction (issue 18). The tracked entity gets the same values, without another UPDATE.
    /// </summary>
    private async Task TouchAsync(Conversation conversation, DateTimeOffset now, bool isPublic, CancellationToken ct)
    {
        var rows = db.Conversations.Where(c => c.Id == conversation.Id);
        if (isPublic)
        {
            await rows.ExecuteUpdateAsync(
                s => s.SetProperty(c => c.LastActivityAt, c => c.LastActivityAt > now ? c.LastActivityAt : now)
                    .SetProperty(c => c.LastPublicActivityAt, c => c.LastPublicActivityAt > now ? c.LastPublicActivityAt : now),
                ct);
        }
        else
        {
            await rows.ExecuteUpdateAsync(s => s.SetProperty(c => c.LastActivityAt, c => c.LastActivityAt > now ? c.LastActivityAt : now), ct);
        }

        var entry = db.Entry(conversation);
        if (entry.State == EntityState.Detached)
        {
            conversation.LastActivityAt = conversation.LastActivityAt > now ? conversation.LastActivityAt : now;
            if (isPublic)
            {
                conversation.LastPublicActivityAt = conversation.LastPublicActivityAt > now ? conversation.LastPublicActivityAt : now;
            }

            return;
        }

        Keep(entry.Property(c => c.LastActivityAt), now);
        if (isPublic)
        {
            Keep(entry.Property(c => c.LastPublicActivityAt), now);
        }
    }

    private static void Keep(Microsoft.EntityFrameworkCore.ChangeTracking.PropertyEntry<Conversation, DateTimeOffset> property, DateTimeOffset now)
    {
        if (property.CurrentValue < now)
        {
            property.CurrentValue = now;
            property.OriginalValue = now;
            property.IsModified = false;
        }
    }
}

/// <summary>What a message may carry besides its body: the message it answers, its priority, and who it mentions.</summary>
public sealed record MessageExtras(long? ReplyToId, MessagePriority Priority, IReadOnlyCollection<long> MentionedMemberIds)
{
    /// <summary>Email for replies that came in through <see cref="Notifications.ReceiveEmailReply"/>.</summary>
    public MessageChannel Channel { get; init; }

    /// <summary>The project items the body refers to (<see cref="ResolveItemReferences"/>).</summary>
    public IReadOnlyList<MessageItemReference> ItemReferences { get; init; } = [];

    public static MessageExtras None { get; } = new(null, MessagePriority.Normal, []);
}
