using Messaging.Core.Access;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

public sealed record AssignableMember(long MemberId, string DisplayName);

/// <summary>What the staff thread shows about the conversation's place in the inbox, and the choices the member has.</summary>
public sealed record InboxPanel(
    long ConversationId,
    ConversationStatus Status,
    EffectiveAssignee? Assignee,
    IReadOnlyList<TagView> Tags,
    IReadOnlyList<TagView> OtherTags,
    IReadOnlyList<AssignableMember> Assignable,
    bool CanChange);

/// <summary>Loads the inbox panel of a staff thread (null for clients and for conversations the member cannot see).</summary>
public sealed class GetInboxPanel(MessagingDbContext db, TimeProvider clock)
{
    public async Task<InboxPanel?> HandleAsync(CurrentMember me, long conversationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsStaff)
        {
            return null;
        }

        var c = await db.Conversations.AsNoTracking().VisibleTo(me).Where(x => x.Id == conversationId)
            .Select(x => new { x.Id, x.WorkspaceId, x.ProjectId, x.Status, x.AssignedMemberId })
            .SingleOrDefaultAsync(ct);
        if (c is null)
        {
            return null;
        }

        var tags = await db.WorkspaceTags.AsNoTracking().Where(t => t.WorkspaceId == me.WorkspaceId).OrderBy(t => t.Name)
            .Select(t => new { t.Id, t.Name, On = db.ConversationTags.Any(ct2 => ct2.ConversationId == c.Id && ct2.TagId == t.Id) })
            .ToListAsync(ct);
        var assignable = await InboxRules.WithAccess(db, c.WorkspaceId, c.Id, c.ProjectId)
            .Where(m => m.Role != StaffRole.Viewer)
            .OrderBy(m => m.DisplayName)
            .Select(m => new AssignableMember(m.Id, m.DisplayName))
            .ToListAsync(ct);
        var assignee = c.AssignedMemberId is { } a
            ? (await new EffectiveAssignees(db, clock).LoadAsync(c.WorkspaceId, [a], ct))[a]
            : null;
        return new InboxPanel(
            c.Id,
            c.Status,
            assignee,
            tags.Where(t => t.On).Select(t => new TagView(t.Id, t.Name)).ToList(),
            tags.Where(t => !t.On).Select(t => new TagView(t.Id, t.Name)).ToList(),
            assignable,
            me.Can(Permissions.Assign));
    }
}
