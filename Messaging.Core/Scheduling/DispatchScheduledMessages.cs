using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Scheduling;

/// <summary>
/// Sends one due scheduled message, if there is one: claims it atomically (<c>FOR UPDATE SKIP LOCKED</c>,
/// so concurrent dispatchers on any number of nodes never claim the same row), then sends it through
/// <see cref="SendMessage"/> as its author with its idempotency key, and records the outcome. A claim
/// that a crashed node left in <see cref="ScheduledMessageStatus.Sending"/> is taken over after
/// <see cref="StaleClaimAfter"/>; the idempotency key then returns the message already stored instead of
/// storing it twice. While a workspace's messages module is off its messages wait (nothing is sent; they
/// go out when it is switched back on). Returns whether a message was handled (the caller loops until false).
/// </summary>
public sealed class DispatchScheduledMessages(MessagingDbContext db, SendMessage send, LoadCurrentMember load, TimeProvider clock)
{
    public static readonly TimeSpan StaleClaimAfter = TimeSpan.FromMinutes(5);

    public async Task<bool> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stale = now - StaleClaimAfter;
        var pending = nameof(ScheduledMessageStatus.Pending);
        var sending = nameof(ScheduledMessageStatus.Sending);
        var claimed = await db.Database.SqlQuery<ClaimedMessage>($"""
            UPDATE scheduled_messages SET status = {sending}, claimed_at = {now}
            WHERE id = (
                SELECT id FROM scheduled_messages
                WHERE ((status = {pending} AND send_at <= {now}) OR (status = {sending} AND claimed_at < {stale}))
                  AND EXISTS (SELECT 1 FROM workspaces w WHERE w.id = scheduled_messages.workspace_id AND w.messages_enabled)
                ORDER BY send_at, id
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING id, author_member_id, conversation_id, body, idempotency_key
            """).ToListAsync(ct);
        if (claimed.Count == 0)
        {
            return false;
        }

        var row = claimed[0];
        var (messageId, failure) = await SendAsync(row, ct);
        db.ChangeTracker.Clear();
        var done = clock.GetUtcNow();
        await db.ScheduledMessages.Where(s => s.Id == row.Id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Status, messageId is null ? ScheduledMessageStatus.Failed : ScheduledMessageStatus.Sent)
            .SetProperty(x => x.SentMessageId, messageId)
            .SetProperty(x => x.Failure, failure)
            .SetProperty(x => x.UpdatedAt, done), ct);
        return true;
    }

    private async Task<(long? MessageId, string? Failure)> SendAsync(ClaimedMessage row, CancellationToken ct)
    {
        // Sent before a crash took the claim's owner down: the message exists, whatever has changed since.
        var existing = await db.Messages.AsNoTracking()
            .Where(m => m.AuthorMemberId == row.AuthorMemberId && m.IdempotencyKey == row.IdempotencyKey)
            .Select(m => (long?)m.Id)
            .FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return (existing, null);
        }

        var userId = await db.Members.AsNoTracking().Where(m => m.Id == row.AuthorMemberId).Select(m => m.UserId).SingleAsync(ct);
        var author = await load.HandleAsync(userId, ct);
        if (author is null || author.MemberId != row.AuthorMemberId)
        {
            return (null, "Not sent: your account was no longer active in this workspace.");
        }

        var result = await send.HandleAsync(author, new SendMessageCommand(row.ConversationId, row.Body, row.IdempotencyKey), ct);
        return result.Failure switch
        {
            FailureKind.None => (result.Value, null),
            FailureKind.NotFound => (null, "Not sent: this conversation was no longer available to you."),
            _ => (null, Clip("Not sent: " + result.Error)),
        };
    }

    private static string Clip(string text) => text.Length <= ScheduledMessage.MaxFailureLength ? text : text[..ScheduledMessage.MaxFailureLength];

    private sealed record ClaimedMessage(long Id, long AuthorMemberId, long ConversationId, string Body, Guid IdempotencyKey);
}
