using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.ConversationState;

/// <summary>
/// Who has seen the member's newest message: in a direct conversation (two people) whether and when
/// the other person saw it, in a group the names of those who did.
/// </summary>
public sealed record ReadReceiptView(long MessageId, bool IsDirect, IReadOnlyList<ReaderView> Readers, int Audience)
{
    public bool Seen => Readers.Count > 0;

    public bool SeenByEveryone => Readers.Count == Audience;
}

public sealed record ReaderView(string DisplayName, DateTimeOffset? SeenAt);

/// <summary>
/// Derives receipts from the participants' read pointers (<see cref="Conversations.Participant.LastReadMessageId"/>);
/// nothing is counted or stored for them. Shown only under the newest message of the thread, when the
/// member wrote it, and only while the workspace has receipts on. Null when there is nothing to show.
/// </summary>
public sealed class GetReadReceipts(MessagingDbContext db)
{
    public async Task<ReadReceiptView?> HandleAsync(CurrentMember me, long conversationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var enabled = await db.Workspaces.AsNoTracking().Where(w => w.Id == me.WorkspaceId).Select(w => w.ReadReceiptsEnabled).SingleOrDefaultAsync(ct);
        if (!enabled || !await db.Conversations.AsNoTracking().VisibleTo(me).AnyAsync(c => c.Id == conversationId, ct))
        {
            return null;
        }

        var newest = await db.Messages.AsNoTracking().Readable(conversationId, me)
            .Where(m => m.Kind == MessageKind.Text)
            .OrderByDescending(m => m.Id)
            .Select(m => new { m.Id, m.AuthorMemberId, m.Visibility })
            .FirstOrDefaultAsync(ct);
        if (newest is null || newest.AuthorMemberId != me.MemberId)
        {
            return null;
        }

        var participants = await db.Participants.AsNoTracking()
            .Where(p => p.ConversationId == conversationId)
            .OrderBy(p => p.JoinedAt).ThenBy(p => p.MemberId)
            .Select(p => new { p.MemberId, p.Member!.DisplayName, p.Member.Kind, p.Member.IsActive, p.LastReadMessageId, p.LastReadAt })
            .ToListAsync(ct);
        var audience = participants
            .Where(p => p.MemberId != me.MemberId && p.IsActive)
            .Where(p => newest.Visibility == MessageVisibility.Everyone || p.Kind == MemberKind.Staff)
            .ToList();
        if (audience.Count == 0)
        {
            return null;
        }

        var readers = audience.Where(p => p.LastReadMessageId >= newest.Id).Select(p => new ReaderView(p.DisplayName, p.LastReadAt)).ToList();
        var isDirect = participants.Count == 2 && participants.Any(p => p.MemberId == me.MemberId);
        return new ReadReceiptView(newest.Id, isDirect, readers, audience.Count);
    }
}
