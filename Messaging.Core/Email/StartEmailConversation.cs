using Messaging.Core.Access;
using Messaging.Core.Attachments;
using Messaging.Core.Common;
using Messaging.Core.Common.Events;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Messaging.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Email;

/// <summary>
/// A mail from a client that answers no thread becomes a new General conversation: its subject, its text without
/// quotes and signature, its files (checked as uploads are), written by the client "via email", with the
/// workspace's Managers and Admins as the other participants (the shared inbox then assigns it as usual). The
/// idempotency key derives from the mail, so processing it again (a crashed poller, a release clicked twice)
/// returns the conversation already started.
/// </summary>
public sealed class StartEmailConversation(
    MessagingDbContext db,
    MessageWriter writer,
    AttachmentWriter attachments,
    GetFileSettings fileSettings,
    StoreInboundFiles files,
    DiscardUnusedUploads discard,
    DomainEvents events,
    TimeProvider clock)
{
    public const string NoSubject = "(no subject)";

    public async Task<Result<long>> HandleAsync(CurrentMember client, InboundEmail email, Guid key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(email);
        if (!client.IsClient || !await db.Workspaces.AnyAsync(w => w.Id == client.WorkspaceId && w.MessagesEnabled, ct))
        {
            return Result<long>.NotFound();
        }

        if (!client.Can(Permissions.Send))
        {
            return Result<long>.Forbidden("This client may not send messages.");
        }

        if (await writer.FindByKeyAsync(client, key, m => m.ConversationId, ct) is { } earlier)
        {
            return Result<long>.Ok(earlier);
        }

        var subject = (email.Subject ?? "").Trim();
        subject = subject.Length == 0 ? NoSubject : subject[..Math.Min(subject.Length, StartConversation.MaxSubjectLength)];
        var body = ReplyText.Extract(email.Text, email.Html);
        var batch = new UploadBatch(new UploadPolicy(client.WorkspaceId, 0, null, await fileSettings.HandleAsync(client.WorkspaceId, ct), 0, true));
        try
        {
            var refused = email.Files.Count > 0 ? await files.HandleAsync(batch, email.Files, ct) : [];
            if (body.Length == 0)
            {
                body = batch.Files.Count > 0 || refused.Count > 0 ? "(files only)" : "(no text)";
            }

            if (refused.Count > 0)
            {
                body += "\n\n" + string.Join('\n', refused.Select(r => "Not added: " + r));
            }

            if (MessageBodyRules.Validate(body) is { } error)
            {
                return Result<long>.Invalid(StartConversation.BodyField, error);
            }

            var staff = await db.Members.AsNoTracking()
                .Where(m => m.WorkspaceId == client.WorkspaceId && m.IsActive && m.Kind == MemberKind.Staff && (m.Role == StaffRole.Admin || m.Role == StaffRole.Manager))
                .Select(m => m.Id).ToListAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow();
            var conversation = new Conversation
            {
                WorkspaceId = client.WorkspaceId,
                Subject = subject,
                Category = ConversationCategory.General,
                CreatedByMemberId = client.MemberId,
                CreatedAt = now,
                LastActivityAt = now,
                LastPublicActivityAt = now,
            };
            conversation.Participants.AddRange(staff.Prepend(client.MemberId).Distinct().Select(id => new Participant { MemberId = id, JoinedAt = now }));
            db.Conversations.Add(conversation);
            await events.SaveAndPublishAsync(new ConversationStarted(conversation, client), ct);
            var message = await writer.AppendAsync(client, conversation, body, MessageVisibility.Everyone, key, MessageExtras.None with { Channel = MessageChannel.Email }, ct);
            if (await attachments.AppendAsync(client, conversation, message, batch.Files, ct) is { } refusal)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return Result<long>.Invalid(AttachmentFields.Files, refusal);
            }

            await tx.CommitAsync(ct);
            return Result<long>.Ok(conversation.Id);
        }
        finally
        {
            await discard.HandleAsync(batch, CancellationToken.None);
        }
    }
}
