using System.Runtime.CompilerServices;
using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Members;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Messaging.Core.Notifications;

/// <summary>
/// Sends one due email from the outbox, if there is one. Claims a row atomically (<c>FOR UPDATE SKIP
/// LOCKED</c>: any number of dispatchers on any number of nodes never claim the same row); a claim a
/// crashed node left behind is taken over after <see cref="NotificationOptions.StaleClaimSeconds"/>, so
/// a crash between send and mark sends at most one duplicate, with the same Message-ID (derived from
/// the row id). Then, for message rows: the recipient's unread messages they may read (internal notes
/// only for staff) are loaded - read meanwhile, muted without a mention, mode off or access lost means
/// no email; digest modes group every due row of the recipient; quiet hours hold the email until
/// they end unless a message is urgent. The per-recipient hourly cap holds the rest. A mail server
/// that refuses or is down puts the rows back with a growing delay; nothing is lost.
/// Returns whether a row was handled (the caller loops until false).
/// </summary>
public sealed class DispatchEmails(
    MessagingDbContext db,
    LoadCurrentMember load,
    IAccountDirectory accounts,
    IEmailSender sender,
    ReplyTokens tokens,
    IOptions<NotificationOptions> options,
    TimeProvider clock)
{
    private NotificationOptions Options => options.Value;

    public async Task<bool> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stale = now.AddSeconds(-Options.StaleClaimSeconds);
        var claimed = await ClaimAsync($"""
            SELECT id FROM email_outbox
            WHERE (status = 'Pending' AND due_at <= {now}) OR (status = 'Sending' AND claimed_at < {stale})
            ORDER BY due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
            """, now, ct);
        if (claimed.Count == 0)
        {
            return false;
        }

        var row = claimed[0];
        var recipient = await db.Members.AsNoTracking().Where(m => m.Id == row.RecipientMemberId).Select(m => new { m.UserId, m.IsActive }).SingleAsync(ct);
        var me = recipient.IsActive ? await load.HandleAsync(recipient.UserId, ct) : null;
        var address = (await accounts.EmailsAsync([recipient.UserId], ct)).GetValueOrDefault(recipient.UserId);
        if (me is null || me.MemberId != row.RecipientMemberId || string.IsNullOrWhiteSpace(address))
        {
            await SkipAsync([row.Id], ct);
            return true;
        }

        if (row.Kind == nameof(EmailKind.Notice))
        {
            await SendAsync([row], [], new OutgoingEmail(address, row.Subject ?? "", row.Body ?? "", MessageIdOf(row.Id)), now, ct);
            return true;
        }

        await SendUpdatesAsync(me, address, row, now, ct);
        return true;
    }

    private async Task SendUpdatesAsync(CurrentMember me, string address, ClaimedRow row, DateTimeOffset now, CancellationToken ct)
    {
        var settings = await db.NotificationSettings.AsNoTracking().SingleOrDefaultAsync(s => s.MemberId == me.MemberId, ct)
            ?? NotificationSettings.Defaults(me.MemberId);
        if (settings.EmailMode == EmailMode.Off)
        {
            await SkipAsync([row.Id], ct);
            return;
        }

        var rows = new List<ClaimedRow> { row };
        if (settings.EmailMode is EmailMode.Hourly or EmailMode.Daily)
        {
            rows.AddRange(await ClaimAsync($"""
                SELECT id FROM email_outbox
                WHERE recipient_member_id = {me.MemberId} AND kind = 'Messages' AND status = 'Pending' AND due_at <= {now} AND id <> {row.Id}
                FOR UPDATE SKIP LOCKED
                """, now, ct));
        }

        var updates = new List<(ClaimedRow Row, ThreadUpdate Update)>();
        var nothing = new List<long>();
        foreach (var r in rows)
        {
            if (await LoadUnreadAsync(me, r, ct) is { } update)
            {
                updates.Add((r, update));
            }
            else
            {
                nothing.Add(r.Id);
            }
        }

        await SkipAsync(nothing, ct);
        if (updates.Count == 0)
        {
            return;
        }

        var held = updates.Select(u => u.Row).ToList();
        var urgent = updates.Any(u => u.Update.Messages.Any(m => m.Urgent));
        if (!urgent && NotificationSchedule.QuietUntil(settings, now) is { } quietEnd)
        {
            await ReleaseAsync(held, quietEnd, failed: false, null, ct);
            return;
        }

        var threads = updates.Select(u => u.Update).ToList();
        var canReply = threads.Count == 1;
        var (subject, body) = NotificationEmails.Compose(threads, settings.EmailMode, me.IsStaff, canReply, Options.PublicBaseUrl);
        var email = new OutgoingEmail(address, subject, body, MessageIdOf(row.Id))
        {
            ReplyTo = canReply ? tokens.AddressFor(me.MemberId, threads[0].ConversationId) : null,
        };
        await SendAsync(held, updates.Select(u => (u.Row.Id, u.Update)).ToList(), email, now, ct);
    }

    /// <summary>The unread messages of the row's conversation the recipient may read, from the row's first message on; null when there is nothing to tell.</summary>
    private async Task<ThreadUpdate?> LoadUnreadAsync(CurrentMember me, ClaimedRow row, CancellationToken ct)
    {
        var conversation = await db.Conversations.AsNoTracking().VisibleTo(me)
            .Where(c => c.Id == row.ConversationId && db.Workspaces.Any(w => w.Id == c.WorkspaceId && w.MessagesEnabled))
            .Select(c => new { c.Id, c.Subject })
            .SingleOrDefaultAsync(ct);
        if (conversation is null)
        {
            return null;
        }

        var participant = await db.Participants.AsNoTracking()
            .Where(p => p.ConversationId == conversation.Id && p.MemberId == me.MemberId)
            .Select(p => new { p.LastReadMessageId, p.IsMuted })
            .SingleOrDefaultAsync(ct);
        var emailedUpTo = await db.EmailOutbox.AsNoTracking()
            .Where(o => o.RecipientMemberId == me.MemberId && o.ConversationId == conversation.Id && o.Status == EmailStatus.Sent)
            .MaxAsync(o => o.LastMessageId, ct) ?? 0;
        var from = Math.Max(Math.Max((participant?.LastReadMessageId ?? 0) + 1, row.FirstMessageId ?? 0), emailedUpTo + 1);
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversation.Id && m.Id >= from && m.Kind == MessageKind.Text)
            .Where(m => m.DeletedAt == null && m.HiddenAt == null && m.AuthorMemberId != me.MemberId)
            .Where(ConversationAccess.ReadableBy(me))
            .OrderBy(m => m.Id)
            .Select(m => new EmailedMessage(
                m.Id, m.Author!.DisplayName, m.Body, m.Priority == MessagePriority.Urgent, m.Mentions.Any(x => x.MemberId == me.MemberId), m.CreatedAt))
            .ToListAsync(ct);
        if (messages.Count == 0 || (participant?.IsMuted == true && !messages.Any(m => m.MentionsRecipient)))
        {
            return null;
        }

        return new ThreadUpdate(conversation.Id, conversation.Subject, messages);
    }

    private async Task SendAsync(
        IReadOnlyList<ClaimedRow> rows, IReadOnlyList<(long RowId, ThreadUpdate Update)> updates, OutgoingEmail email, DateTimeOffset now, CancellationToken ct)
    {
        var recipient = rows[0].RecipientMemberId;
        var hourAgo = now.AddHours(-1);
        var recent = await db.EmailOutbox.AsNoTracking()
            .Where(o => o.RecipientMemberId == recipient && o.Status == EmailStatus.Sent && o.SentAt > hourAgo && o.SentInId == o.Id)
            .Select(o => o.SentAt!.Value)
            .OrderBy(t => t)
            .ToListAsync(ct);
        if (recent.Count >= Options.MaxEmailsPerHour)
        {
            await ReleaseAsync(rows, recent[recent.Count - Options.MaxEmailsPerHour].AddHours(1), failed: false, null, ct);
            return;
        }

        try
        {
            await sender.SendAsync(email, ct);
        }
#pragma warning disable CA1031 // Whatever the mail server or the network does, the rows go back to the outbox and are retried.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            var attempts = rows.Max(r => r.Attempts) + 1;
            await ReleaseAsync(rows, now + NotificationSchedule.Backoff(attempts), failed: true, ex.Message, ct);
            return;
        }

        var sentAt = clock.GetUtcNow();
        var primary = rows[0].Id;
        foreach (var row in rows)
        {
            var last = updates.Where(u => u.RowId == row.Id).Select(u => (long?)u.Update.Messages[^1].Id).FirstOrDefault();
            await db.EmailOutbox.Where(o => o.Id == row.Id).ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Status, EmailStatus.Sent)
                .SetProperty(o => o.SentAt, sentAt)
                .SetProperty(o => o.SentInId, primary)
                .SetProperty(o => o.MessageId, email.MessageId)
                .SetProperty(o => o.LastMessageId, last)
                .SetProperty(o => o.LastError, (string?)null), ct);
        }

        var mentioned = updates.SelectMany(u => u.Update.Messages).Where(m => m.MentionsRecipient).Select(m => m.Id).ToList();
        if (mentioned.Count > 0)
        {
            await db.MessageMentions.Where(x => x.MemberId == recipient && mentioned.Contains(x.MessageId) && x.NotifiedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.NotifiedAt, sentAt), ct);
        }
    }

    private async Task SkipAsync(List<long> ids, CancellationToken ct)
    {
        if (ids.Count > 0)
        {
            await db.EmailOutbox.Where(o => ids.Contains(o.Id)).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, EmailStatus.Skipped), ct);
        }
    }

    /// <summary>
    /// Puts claimed rows back as pending until <paramref name="until"/>. A message row whose recipient and
    /// conversation got a new pending row meanwhile is folded into that one (one pending row per pair).
    /// </summary>
    private async Task ReleaseAsync(IReadOnlyList<ClaimedRow> rows, DateTimeOffset until, bool failed, string? error, CancellationToken ct)
    {
        var clipped = error is null ? null : error[..Math.Min(error.Length, EmailOutboxEntry.MaxErrorLength)];
        foreach (var row in rows)
        {
            var attempts = row.Attempts + (failed ? 1 : 0);
            await db.Database.ExecuteSqlAsync($"""
                WITH other AS (
                    UPDATE email_outbox o SET first_message_id = LEAST(o.first_message_id, {row.FirstMessageId}), due_at = LEAST(o.due_at, {until}),
                        urgent = o.urgent OR {row.Urgent}, attempts = GREATEST(o.attempts, {attempts})
                    WHERE o.recipient_member_id = {row.RecipientMemberId} AND o.conversation_id = {row.ConversationId}
                      AND o.kind = 'Messages' AND o.status = 'Pending' AND o.id <> {row.Id}
                    RETURNING o.id)
                UPDATE email_outbox SET status = CASE WHEN EXISTS (SELECT 1 FROM other) THEN 'Skipped' ELSE 'Pending' END,
                    due_at = {until}, claimed_at = NULL, attempts = {attempts}, last_error = coalesce({clipped}, last_error)
                WHERE id = {row.Id}
                """, ct);
        }
    }

    private async Task<List<ClaimedRow>> ClaimAsync(FormattableString select, DateTimeOffset now, CancellationToken ct)
    {
        var sql = FormattableStringFactory.Create(
            "UPDATE email_outbox SET status = 'Sending', claimed_at = {" + select.ArgumentCount + "} WHERE id IN (" + select.Format + ") " +
            """RETURNING id, recipient_member_id, conversation_id, kind, first_message_id, urgent, attempts, subject, body """,
            [.. select.GetArguments(), now]);
        return await db.Database.SqlQuery<ClaimedRow>(sql).ToListAsync(ct);
    }

    /// <summary>Our Message-ID for an email: derived from the outbox row, so a resend after a crash carries the same one and inbound mail can recognise our own.</summary>
    public string MessageIdOf(long rowId) => $"<notification-{rowId}@{Options.MailDomain}>";

    private sealed record ClaimedRow(
        long Id, long RecipientMemberId, long? ConversationId, string Kind, long? FirstMessageId, bool Urgent, int Attempts, string? Subject, string? Body);
}
