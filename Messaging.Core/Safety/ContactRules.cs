using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Safety;

/// <summary>
/// Who may reach whom: privacy choices and blocks, asked by <see cref="Conversations.StartConversation"/>
/// and <see cref="SendMessage"/> before anything is written. Each check returns the refusal to show
/// (naming the person), or null when the write may go ahead.
/// </summary>
public static class ContactRules
{
    /// <summary>Whether <paramref name="me"/> may start a new conversation with all of <paramref name="recipientIds"/>.</summary>
    public static async Task<string?> RefusalForStartAsync(
        MessagingDbContext db, CurrentMember me, IReadOnlyCollection<long> recipientIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(me);
        var people = await db.Members.AsNoTracking()
            .Where(m => recipientIds.Contains(m.Id) && m.WorkspaceId == me.WorkspaceId)
            .OrderBy(m => m.DisplayName)
            .Select(m => new
            {
                m.Id,
                m.DisplayName,
                BlockedMe = db.MemberBlocks.Any(b => b.BlockerMemberId == m.Id && b.BlockedMemberId == me.MemberId),
                BlockedByMe = db.MemberBlocks.Any(b => b.BlockerMemberId == me.MemberId && b.BlockedMemberId == m.Id),
                Choice = db.MemberPreferences.Where(p => p.MemberId == m.Id).Select(p => (WhoMayStart?)p.WhoMayStart).FirstOrDefault(),
                SharesConversation = db.Participants.Any(p => p.MemberId == m.Id
                    && db.Participants.Any(mine => mine.ConversationId == p.ConversationId && mine.MemberId == me.MemberId)),
                SharesProject = db.ProjectMembers.Any(pm => pm.MemberId == m.Id
                    && db.ProjectMembers.Any(mine => mine.ProjectId == pm.ProjectId && mine.MemberId == me.MemberId)),
            })
            .ToListAsync(ct);

        foreach (var person in people)
        {
            if (person.BlockedMe)
            {
                return $"{person.DisplayName} can't receive messages from you.";
            }

            if (person.BlockedByMe)
            {
                return $"You have blocked {person.DisplayName}. Unblock them in your preferences to write to them.";
            }

            switch (person.Choice ?? WhoMayStart.Everyone)
            {
                case WhoMayStart.ConversationPartners when !person.SharesConversation:
                    return $"{person.DisplayName} only accepts new conversations from people they already share a conversation with.";
                case WhoMayStart.ProjectMembers when !person.SharesProject:
                    return $"{person.DisplayName} only accepts new conversations from people on their projects.";
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a message by <paramref name="me"/> in this conversation may be delivered: refused when a
    /// participant who would see it has blocked the author. The blocker's own messages still reach the blocked member.
    /// </summary>
    public static async Task<string?> RefusalForMessageAsync(
        MessagingDbContext db, CurrentMember me, long conversationId, MessageVisibility visibility, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(me);
        var blockers = await db.Participants.AsNoTracking()
            .Where(p => p.ConversationId == conversationId && p.MemberId != me.MemberId && p.Member!.IsActive)
            .Where(p => visibility == MessageVisibility.Everyone || p.Member!.Kind == MemberKind.Staff)
            .Where(p => db.MemberBlocks.Any(b => b.BlockerMemberId == p.MemberId && b.BlockedMemberId == me.MemberId))
            .OrderBy(p => p.Member!.DisplayName)
            .Select(p => p.Member!.DisplayName)
            .ToListAsync(ct);
        return blockers.Count == 0 ? null : $"Your message can't be delivered to {string.Join(", ", blockers)}.";
    }

    /// <summary>
    /// Whether <paramref name="me"/> may block a member of this kind and role. Nobody blocks an Admin (they
    /// run the workspace and moderate it); clients block other clients only, so their account team can
    /// always reach them (they report abusive messages instead); staff may block anyone else.
    /// </summary>
    public static bool CanBlock(CurrentMember me, MemberKind targetKind, StaffRole? targetRole)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (targetKind == MemberKind.Staff && targetRole == StaffRole.Admin)
        {
            return false;
        }

        return me.IsStaff || targetKind == MemberKind.Client;
    }
}
