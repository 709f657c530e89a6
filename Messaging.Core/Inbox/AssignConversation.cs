using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Common.Events;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

/// <summary>
/// Assigns a conversation to a team member who can work it (or to oneself: "take it"), or clears the
/// assignment (<c>assigneeMemberId</c> null). The thread records "X assigned Y" as a staff-only line;
/// the change is audited, and <see cref="ConversationAssigned"/> is published in the same transaction (its
/// handlers announce it live and email the assignee).
/// </summary>
public sealed class AssignConversation(
    MessagingDbContext db, MessageWriter writer, AuditLog audit, TimeProvider clock, DomainEvents events)
{
    public const string AssigneeField = "assignee";

    public async Task<Result<long>> HandleAsync(CurrentMember me, long conversationId, long? assigneeMemberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var (conversation, failure) = await InboxRules.FindWorkableAsync(db, me, conversationId, ct);
        if (conversation is null)
        {
            return InboxRules.Refusal<long>(failure);
        }

        if (assigneeMemberId is { } assigneeId && await RefusalAsync(conversation, assigneeId, ct) is { } refusal)
        {
            return Result<long>.Invalid(AssigneeField, refusal);
        }

        if (conversation.AssignedMemberId == assigneeMemberId)
        {
            return Result<long>.Invalid(AssigneeField, assigneeMemberId is null ? "The conversation is not assigned." : "The conversation is already assigned to them.");
        }

        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        conversation.AssignedMemberId = assigneeMemberId;
        audit.Record(me, AuditActions.ConversationAssign, "conversation", conversation.Id.ToString(CultureInfo.InvariantCulture),
            assigneeMemberId is { } a ? string.Create(CultureInfo.InvariantCulture, $"member {a}") : "unassigned");
        var line = await writer.AppendSystemLineAsync(
            me, conversation, assigneeMemberId is null ? MessageKind.Unassigned : MessageKind.Assigned, assigneeMemberId, MessageVisibility.StaffOnly, ct);
        await events.SaveAndPublishAsync(new ConversationAssigned(conversation.WorkspaceId, conversation.Id, assigneeMemberId, me.MemberId, line.Id, now), ct);
        await tx.CommitAsync(ct);
        return Result<long>.Ok(line.Id);
    }

    private async Task<string?> RefusalAsync(Conversation conversation, long assigneeId, CancellationToken ct)
    {
        var assignee = await db.Members.AsNoTracking()
            .Where(m => m.Id == assigneeId && m.WorkspaceId == conversation.WorkspaceId && m.IsActive)
            .Select(m => new { m.DisplayName, m.Kind, m.Role })
            .SingleOrDefaultAsync(ct);
        if (assignee is null || assignee.Kind != MemberKind.Staff)
        {
            return "Only team members can be assigned a conversation: choose someone from the team list.";
        }

        if (assignee.Role == StaffRole.Viewer)
        {
            return $"{assignee.DisplayName} can only read conversations, so they cannot be assigned one.";
        }

        if (!await InboxRules.WithAccess(db, conversation.WorkspaceId, conversation.Id, conversation.ProjectId).AnyAsync(m => m.Id == assigneeId, ct))
        {
            var project = await db.Projects.Where(p => p.Id == conversation.ProjectId).Select(p => p.Name).SingleOrDefaultAsync(ct);
            return project is null
                ? $"{assignee.DisplayName} has no access to this conversation. Add them to it first."
                : $"{assignee.DisplayName} has no access to the project {project}. Add them to the project team first.";
        }

        return null;
    }
}
