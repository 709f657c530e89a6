using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Attachments;

/// <summary>Every file shared in one conversation the member may see (null when it is not theirs to see).</summary>
public sealed class ListConversationFiles(MessagingDbContext db)
{
    public async Task<FileList?> HandleAsync(CurrentMember me, long conversationId, FileListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var subject = await db.Conversations.AsNoTracking().VisibleTo(me)
            .Where(c => c.Id == conversationId)
            .Select(c => c.Subject)
            .SingleOrDefaultAsync(ct);
        return subject is null ? null : await FileListing.ListAsync(db, me, subject, conversationId, null, a => a.ConversationId == conversationId, query, ct);
    }
}
