using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Messages;

/// <summary>One version of a message body and when it was written.</summary>
public sealed record MessageVersion(string Body, DateTimeOffset WrittenAt, bool IsCurrent);

/// <summary>A message's versions, oldest first.</summary>
public sealed record EditHistoryView(long MessageId, long ConversationId, IReadOnlyList<MessageVersion> Versions);

/// <summary>
/// The edit history of a message, for staff who can read it. Clients get none (null), nor does anyone
/// for a message hidden by a moderator or deleted (its history is erased with it).
/// </summary>
public sealed class ListMessageEdits(MessagingDbContext db)
{
    public async Task<EditHistoryView?> HandleAsync(CurrentMember me, long messageId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsStaff)
        {
            return null;
        }

        var visible = db.Conversations.AsNoTracking().VisibleTo(me).Select(c => c.Id);
        var message = await db.Messages.AsNoTracking()
            .Where(m => m.Id == messageId && visible.Contains(m.ConversationId) && m.HiddenAt == null && m.DeletedAt == null)
            .Select(m => new
            {
                m.Id,
                m.ConversationId,
                m.Body,
                m.CreatedAt,
                Edits = m.Edits.OrderBy(e => e.EditedAt).ThenBy(e => e.Id).Select(e => new { e.PreviousBody, e.EditedAt }).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (message is null)
        {
            return null;
        }

        var versions = new List<MessageVersion>();
        var writtenAt = message.CreatedAt;
        foreach (var edit in message.Edits)
        {
            versions.Add(new MessageVersion(edit.PreviousBody, writtenAt, IsCurrent: false));
            writtenAt = edit.EditedAt;
        }

        versions.Add(new MessageVersion(message.Body, writtenAt, IsCurrent: true));
        return new EditHistoryView(message.Id, message.ConversationId, versions);
    }
}
