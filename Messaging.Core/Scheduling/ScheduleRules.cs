using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Messaging.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Scheduling;

/// <summary>What scheduling shares: the time rule, who may schedule where, and finding one's own scheduled message.</summary>
public static class ScheduleRules
{
    public const string BodyField = SendMessage.BodyField;

    public const string TimeField = "ScheduleAt";

    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(365);

    /// <summary>Null when the time is acceptable: after now and within a year.</summary>
    public static string? ValidateTime(DateTimeOffset? sendAt, DateTimeOffset now)
    {
        if (sendAt is null)
        {
            return "Choose the date and time to send at.";
        }

        if (sendAt <= now)
        {
            return "That time is in the past. Choose a time in the future to schedule this message.";
        }

        return sendAt - now > MaxAhead ? "Messages can be scheduled up to a year ahead." : null;
    }

    /// <summary>
    /// The conversation, if the member may write in it now (visible, module on, may send, project stage
    /// allows clients to reply); the same questions <see cref="SendMessage"/> asks, so a message that can
    /// be scheduled could be sent. The answer is asked again when the time comes.
    /// </summary>
    public static async Task<Result<Conversation>> WritableAsync(MessagingDbContext db, CurrentMember me, long conversationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(me);
        var conversation = await db.Conversations.AsNoTracking().VisibleTo(me)
            .Where(c => c.Id == conversationId)
            .Where(c => db.Workspaces.Any(w => w.Id == c.WorkspaceId && w.MessagesEnabled))
            .SingleOrDefaultAsync(ct);
        if (conversation is null)
        {
            return Result<Conversation>.NotFound();
        }

        if (!me.Can(Permissions.Send))
        {
            return Result<Conversation>.Forbidden("You can read this conversation but you do not have permission to send messages.");
        }

        if (me.IsClient && conversation.ProjectId is { } projectId)
        {
            var stage = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Stage).SingleAsync(ct);
            if (!ProjectStageRules.ClientsCanReply(stage))
            {
                return Result<Conversation>.Forbidden(ProjectStageRules.ClientNotice(stage));
            }
        }

        return Result<Conversation>.Ok(conversation);
    }

    /// <summary>The member's own scheduled message in that conversation: anything else is not found.</summary>
    public static IQueryable<ScheduledMessage> Own(this IQueryable<ScheduledMessage> scheduled, CurrentMember me, long conversationId, long scheduledId)
    {
        ArgumentNullException.ThrowIfNull(me);
        return scheduled.Where(s => s.Id == scheduledId && s.ConversationId == conversationId
            && s.AuthorMemberId == me.MemberId && s.WorkspaceId == me.WorkspaceId);
    }
}
