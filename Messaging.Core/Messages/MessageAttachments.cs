using Messaging.Core.Access;
using Messaging.Core.Attachments;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Messages;

/// <summary>Adds their files to messages loaded for a thread (one query for the whole page).</summary>
public static class MessageAttachments
{
    public static async Task<IReadOnlyList<MessageView>> WithAttachmentsAsync(
        this IReadOnlyList<MessageView> messages, MessagingDbContext db, CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(me);
        var ids = messages.Where(m => !m.IsSystem && !m.IsHidden).Select(m => m.Id).ToList();
        if (ids.Count == 0)
        {
            return messages;
        }

        var previews = db.Set<AttachmentPreview>();
        var files = await db.AvailableTo(me).AsNoTracking()
            .Where(a => ids.Contains(a.MessageId))
            .OrderBy(a => a.Id)
            .Select(a => new AttachmentView(a.Id, a.MessageId, a.FileName, a.Extension, a.Category, a.SizeBytes)
            {
                PreviewMade = previews.Where(p => p.AttachmentId == a.Id).Select(p => new PreviewState(p.Status, p.Width, p.Height)).FirstOrDefault(),
            })
            .ToListAsync(ct);
        if (files.Count == 0)
        {
            return messages;
        }

        var byMessage = files.ToLookup(f => f.MessageId);
        return messages.Select(m => byMessage.Contains(m.Id) ? m with { Attachments = byMessage[m.Id].ToList() } : m).ToList();
    }
}
