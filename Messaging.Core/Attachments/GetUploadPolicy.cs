using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Attachments;

/// <summary>What an upload into one conversation may contain: the workspace's limits and, for a project conversation, the quota left.</summary>
public sealed record UploadPolicy(
    long WorkspaceId,
    long ConversationId,
    long? ProjectId,
    FileSettings Settings,
    long ProjectUsedBytes,
    bool CanSend)
{
    /// <summary>Bytes the project may still take, or null for a conversation outside any project (no quota).</summary>
    public long? QuotaLeft => ProjectId is null ? null : Math.Max(0, Settings.ProjectQuotaBytes - ProjectUsedBytes);
}

/// <summary>
/// Looked up before a single uploaded byte is read: null when the member may not see the conversation
/// (or the messages module is off), so a foreign id is refused before anything is written.
/// </summary>
public sealed class GetUploadPolicy(MessagingDbContext db)
{
    public async Task<UploadPolicy?> HandleAsync(CurrentMember me, long conversationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var conversation = await db.Conversations.AsNoTracking().VisibleTo(me)
            .Where(c => c.Id == conversationId)
            .Where(c => db.Workspaces.Any(w => w.Id == c.WorkspaceId && w.MessagesEnabled))
            .Select(c => new { c.Id, c.WorkspaceId, c.ProjectId })
            .SingleOrDefaultAsync(ct);
        if (conversation is null)
        {
            return null;
        }

        var settings = await GetFileSettings.LoadAsync(db, conversation.WorkspaceId, ct);
        var used = conversation.ProjectId is { } projectId ? await ProjectFileUsage.UsedBytesAsync(db, projectId, ct) : 0;
        return new UploadPolicy(conversation.WorkspaceId, conversation.Id, conversation.ProjectId, settings, used, me.Can(Permissions.Send));
    }
}
