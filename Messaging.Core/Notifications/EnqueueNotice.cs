using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Notifications;

/// <summary>
/// Puts a precomposed email to a member into the outbox, due now (reply refused, reply address expired,
/// activity digest), or when <c>dueAt</c> says (a deadline reminder after the member's quiet hours). A notice with a dedupe key is stored once, however often it is asked for (a
/// webhook retried by the mail provider, two dispatchers making the same day's digest).
/// </summary>
public sealed class EnqueueNotice(MessagingDbContext db, TimeProvider clock)
{
    public Task HandleAsync(long workspaceId, long memberId, string subject, string body, string? dedupeKey, CancellationToken ct) =>
        HandleAsync(workspaceId, memberId, subject, body, dedupeKey, null, ct);

    public async Task HandleAsync(long workspaceId, long memberId, string subject, string body, string? dedupeKey, DateTimeOffset? dueAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var now = clock.GetUtcNow();
        var clipped = subject.Length > EmailOutboxEntry.MaxSubjectLength ? subject[..EmailOutboxEntry.MaxSubjectLength] : subject;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO email_outbox (workspace_id, recipient_member_id, kind, status, urgent, due_at, attempts, subject, body, dedupe_key, created_at)
            VALUES ({workspaceId}, {memberId}, 'Notice', 'Pending', false, {dueAt ?? now}, 0, {clipped}, {body}, {dedupeKey}, {now})
            ON CONFLICT (dedupe_key) DO NOTHING
            """, ct);
    }
}
