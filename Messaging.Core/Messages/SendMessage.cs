using Messaging.Core.Access;
using Messaging.Core.Attachments;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Projects;
using Messaging.Core.Safety;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Messages;

public sealed record SendMessageCommand(
    long ConversationId,
    string? Body,
    Guid? IdempotencyKey,
    MessageVisibility Visibility = MessageVisibility.Everyone,
    IReadOnlyList<StoredFile>? Attachments = null)
{
    /// <summary>The message this one answers; it must be readable by the sender in the same conversation.</summary>
    public long? ReplyToId { get; init; }

    public MessagePriority Priority { get; init; }

    public MessageChannel Channel { get; init; }
}

/// <summary>
/// Posts a message (or, for staff, an internal note) to a conversation the member may see. A repeated
/// idempotency key returns the message already stored instead of storing another. Files already in the blob
/// store become its attachments in the same transaction; a message with files may have no text.
/// </summary>
public sealed class SendMessage(MessagingDbContext db, MessageWriter writer, ResolveMentions mentions, ResolveItemReferences references, AttachmentWriter attachments)
{
    public const string BodyField = "Body";

    public async Task<Result<long>> HandleAsync(CurrentMember me, SendMessageCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(command);

        var conversation = await db.Conversations.VisibleTo(me)
            .Where(c => c.Id == command.ConversationId)
            .Where(c => db.Workspaces.Any(w => w.Id == c.WorkspaceId && w.MessagesEnabled))
            .SingleOrDefaultAsync(ct);
        if (conversation is null)
        {
            return Result<long>.NotFound();
        }

        if (!me.Can(Permissions.Send))
        {
            return Result<long>.Forbidden("You can read this conversation but you do not have permission to send messages.");
        }

        if (me.IsClient && conversation.ProjectId is { } projectId)
        {
            var stage = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Stage).SingleAsync(ct);
            if (!ProjectStageRules.ClientsCanReply(stage))
            {
                return Result<long>.Forbidden(ProjectStageRules.ClientNotice(stage));
            }
        }

        if (command.Visibility == MessageVisibility.StaffOnly && !me.IsStaff)
        {
            return Result<long>.NotFound();
        }

        var files = command.Attachments ?? [];
        var filesOnly = files.Count > 0 && string.IsNullOrWhiteSpace(command.Body);
        if (!filesOnly && MessageBodyRules.Validate(command.Body) is { } error)
        {
            return Result<long>.Invalid(BodyField, error);
        }

        if (await ContactRules.RefusalForMessageAsync(db, me, conversation.Id, command.Visibility, ct) is { } refusal)
        {
            return Result<long>.Invalid(BodyField, refusal);
        }

        if (command.ReplyToId is { } replyTo && !await db.Messages.Readable(conversation.Id, me)
                .AnyAsync(m => m.Id == replyTo && m.Kind == MessageKind.Text && m.DeletedAt == null, ct))
        {
            return Result<long>.Invalid(BodyField, "The message you are replying to is no longer available. Remove the quote and send again.");
        }

        if (!Enum.IsDefined(command.Priority))
        {
            return Result<long>.Invalid(BodyField, "Choose a priority: normal or urgent.");
        }

        var mentioned = await mentions.HandleAsync(me, conversation.Id, command.Body ?? "", command.Visibility, ct);
        if (!mentioned.Succeeded)
        {
            return Result<long>.Invalid(BodyField, mentioned.Error!);
        }

        var referenced = await references.HandleAsync(conversation.Id, command.Body ?? "", strict: command.Channel == MessageChannel.App, ct);
        if (!referenced.Succeeded)
        {
            return Result<long>.Invalid(BodyField, referenced.Error!);
        }

        var extras = new MessageExtras(command.ReplyToId, command.Priority, mentioned.Value!) { Channel = command.Channel, ItemReferences = referenced.Value! };
        return await IdempotentWrite.RunAsync(
            db,
            () => writer.FindByKeyAsync(me, command.IdempotencyKey, m => m.Id, ct),
            async () =>
            {
                var message = await writer.AppendAsync(me, conversation, command.Body ?? "", command.Visibility, command.IdempotencyKey, extras, ct);
                return await attachments.AppendAsync(me, conversation, message, files, ct) is { } refusal
                    ? Result<long>.Invalid(AttachmentFields.Files, refusal)
                    : Result<long>.Ok(message.Id);
            },
            ct);
    }
}
