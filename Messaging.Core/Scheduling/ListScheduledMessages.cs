using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Scheduling;

public sealed record ScheduledMessageView(long Id, string Body, DateTimeOffset SendAt, ScheduledMessageStatus Status, string? Failure)
{
    public bool CanEdit => Status == ScheduledMessageStatus.Pending;
}

/// <summary>The member's own scheduled messages in a conversation that are still waiting, being sent, or failed (with why); soonest first.</summary>
public sealed class ListScheduledMessages(MessagingDbContext db)
{
    public async Task<IReadOnlyList<ScheduledMessageView>> HandleAsync(CurrentMember me, long conversationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        return await db.ScheduledMessages.AsNoTracking()
            .Where(s => s.ConversationId == conversationId && s.AuthorMemberId == me.MemberId && s.WorkspaceId == me.WorkspaceId)
            .Where(s => s.Status == ScheduledMessageStatus.Pending || s.Status == ScheduledMessageStatus.Sending || s.Status == ScheduledMessageStatus.Failed)
            .OrderBy(s => s.SendAt).ThenBy(s => s.Id)
            .Select(s => new ScheduledMessageView(s.Id, s.Body, s.SendAt, s.Status, s.Failure))
            .ToListAsync(ct);
    }
}
