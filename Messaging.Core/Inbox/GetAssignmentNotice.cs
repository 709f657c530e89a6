using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

public sealed record AssignmentNotice(long ConversationId, string Subject, string AssignedBy, string? CoveringFor)
{
    /// <summary>Assigned by the project's round-robin rather than by a person.</summary>
    public bool IsAutomatic { get; init; }
}

/// <summary>
/// The in-app notice for an assignment line, when it concerns the member: assigned to them, or to
/// someone they cover today. Anyone else (and every client) gets nothing.
/// </summary>
public sealed class GetAssignmentNotice(MessagingDbContext db, TimeProvider clock)
{
    public async Task<AssignmentNotice?> HandleAsync(CurrentMember me, long messageId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsStaff)
        {
            return null;
        }

        var visible = db.Conversations.AsNoTracking().VisibleTo(me);
        var line = await db.Messages.AsNoTracking()
            .Where(m => m.Id == messageId && (m.Kind == MessageKind.Assigned || m.Kind == MessageKind.AutoAssigned) && m.WorkspaceId == me.WorkspaceId)
            .Join(visible, m => m.ConversationId, c => c.Id, (m, c) => new
            {
                c.Id,
                c.Subject,
                AssignedBy = m.Author!.DisplayName,
                m.AuthorMemberId,
                m.Kind,
                m.SubjectMemberId,
                SubjectName = m.SubjectMember!.DisplayName,
            })
            .SingleOrDefaultAsync(ct);
        var automatic = line?.Kind == MessageKind.AutoAssigned;
        if (line is null || (line.AuthorMemberId == me.MemberId && !automatic))
        {
            return null;
        }

        if (line.SubjectMemberId == me.MemberId)
        {
            return new AssignmentNotice(line.Id, line.Subject, line.AssignedBy, null) { IsAutomatic = automatic };
        }

        var today = InboxRules.Today(clock);
        var covering = await db.MemberAbsences.AnyAsync(
            a => a.CoverMemberId == me.MemberId && a.MemberId == line.SubjectMemberId && a.StartsOn <= today && a.EndsOn >= today, ct);
        return covering ? new AssignmentNotice(line.Id, line.Subject, line.AssignedBy, line.SubjectName) { IsAutomatic = automatic } : null;
    }
}
