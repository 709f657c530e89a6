using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Attachments;

/// <summary>Adds their files to messages loaded for a thread (one query for the whole page).</summary>
public static class AttachmentViews
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

        var files = await db.AvailableTo(me).AsNoTracking()
            .Where(a => ids.Contains(a.MessageId))
            .OrderBy(a => a.Id)
            .Select(a => new AttachmentView(a.Id, a.MessageId, a.FileName, a.Extension, a.Category, a.SizeBytes))
            .ToListAsync(ct);
        if (files.Count == 0)
        {
            return messages;
        }

        var byMessage = files.ToLookup(f => f.MessageId);
        return messages.Select(m => byMessage.Contains(m.Id) ? m with { Attachments = byMessage[m.Id].ToList() } : m).ToList();
    }
}
