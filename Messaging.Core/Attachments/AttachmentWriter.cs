using Messaging.Core.Access;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Attachments;

/// <summary>
/// Adds the attachment rows of a message inside the caller's transaction (SendMessage's). For a project
/// conversation it locks the project row and checks the quota again, so two uploads at once cannot both
/// squeeze past it; a refusal rolls the whole message back.
/// </summary>
public sealed class AttachmentWriter(MessagingDbContext db, TimeProvider clock)
{
    /// <summary>Null when written, or the reason the files were refused.</summary>
    public async Task<string?> AppendAsync(CurrentMember me, Conversation conversation, Message message, IReadOnlyList<StoredFile> files, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            return null;
        }

        if (conversation.ProjectId is { } projectId)
        {
            await db.Database.ExecuteSqlAsync($"SELECT id FROM projects WHERE id = {projectId} FOR UPDATE", ct);
            var settings = await GetFileSettings.LoadAsync(db, conversation.WorkspaceId, ct);
            var used = await ProjectFileUsage.UsedBytesAsync(db, projectId, ct);
            if (used + files.Sum(f => f.SizeBytes) > settings.ProjectQuotaBytes)
            {
                return $"These files do not fit in this project's storage quota ({FileSize.Format(settings.ProjectQuotaBytes)}; {FileSize.Format(Math.Max(0, settings.ProjectQuotaBytes - used))} left).";
            }
        }

        var now = clock.GetUtcNow();
        foreach (var file in files)
        {
            db.Attachments.Add(new Attachment
            {
                WorkspaceId = conversation.WorkspaceId,
                ConversationId = conversation.Id,
                MessageId = message.Id,
                UploaderMemberId = me.MemberId,
                FileName = file.FileName,
                Extension = file.Type.Extension,
                ContentType = file.Type.ContentType,
                Category = file.Type.Category,
                SizeBytes = file.SizeBytes,
                Sha256 = file.Sha256,
                StorageKey = file.StorageKey,
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(ct);
        return null;
    }
}
