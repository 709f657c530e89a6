using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Members;
using Messaging.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Messaging.Core.Email;

/// <summary>One message of a mailbox as the poller read it: its UIDVALIDITY and UID, its size, and the raw mail (null when over the size limit, so it was not downloaded).</summary>
public sealed record MailboxMessage(long UidValidity, long Uid, long SizeBytes, byte[]? Raw);

/// <summary>
/// Takes one mail of a workspace's mailbox, exactly once: a row in <c>inbound_mails</c> unique by (workspace,
/// UIDVALIDITY, UID) and by (workspace, Message-ID) is claimed first, so two pollers, a restart or the same mail
/// delivered twice never handle it twice (a claim left by a crashed poller is taken over once stale; the post's
/// idempotency key keeps that single). Then, in order: automatic mail (auto-replies, bounces, lists) and our own
/// are ignored, never answered; a reply (reply address, then In-Reply-To/References) goes to its thread through
/// <see cref="ReceiveEmailReply"/> (another workspace's thread: ignored); a known client's mail starts a General
/// conversation; anything else — an unknown sender, a mail too large or unreadable — is held for staff with the
/// raw mail, never dropped. Returns what was done, or null when the mail was already handled.
/// </summary>
public sealed class ReceiveMailboxMail(
    MessagingDbContext db,
    ReceiveEmailReply replies,
    StartEmailConversation start,
    IAccountDirectory accounts,
    LoadCurrentMember load,
    IOptions<EmailChannelOptions> options,
    TimeProvider clock)
{
    public async Task<InboundMailStatus?> HandleAsync(long workspaceId, MailboxMessage mail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var message = mail.Raw is null ? null : MimeInbound.Parse(new MemoryStream(mail.Raw, writable: false));
        var email = message is null ? null : MimeInbound.Read(message);
        var messageId = email?.MessageId is { Length: > 0 and <= InboundMail.MaxMessageIdLength } id ? id : null;
        if (await ClaimAsync(workspaceId, mail, email, messageId, ct) is not { } rowId)
        {
            return null;
        }

        var (status, reason, conversationId) = mail.Raw is null
            ? (InboundMailStatus.Held, $"Too large to import ({mail.SizeBytes:N0} bytes; the limit is {options.Value.MaxMailBytes:N0}). It is still in the mailbox.", (long?)null)
            : email is null
                ? (InboundMailStatus.Held, "Not readable as an email (no sender, or not MIME).", null)
                : await DecideAsync(workspaceId, email, ct);
        await db.InboundMails.Where(m => m.Id == rowId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, status)
            .SetProperty(m => m.Reason, reason == null ? null : Clip(reason, InboundMail.MaxReasonLength))
            .SetProperty(m => m.ConversationId, conversationId)
            .SetProperty(m => m.Raw, status == InboundMailStatus.Held ? mail.Raw : null)
            .SetProperty(m => m.DoneAt, clock.GetUtcNow()), ct);
        return status;
    }

    private async Task<(InboundMailStatus, string?, long?)> DecideAsync(long workspaceId, InboundEmail email, CancellationToken ct)
    {
        if (replies.IsAutomatic(email))
        {
            return (InboundMailStatus.Ignored, "Automatic mail (an auto-reply, a bounce or list mail) or our own: not posted, not answered.", null);
        }

        var thread = await replies.FindThreadAsync(email, ct);
        if (thread.State != ReplyTokenState.Invalid)
        {
            var outcome = await replies.HandleAsync(email, workspaceId, ct);
            return outcome switch
            {
                InboundOutcome.Posted => (InboundMailStatus.Posted, null, thread.ConversationId),
                InboundOutcome.Refused => (InboundMailStatus.Refused, "Not posted: not from the address the notification went to, or the thread refused it; the member was told.", null),
                InboundOutcome.Expired => (InboundMailStatus.Refused, "The reply address had expired; the member was told.", null),
                InboundOutcome.Empty => (InboundMailStatus.Ignored, "Nothing was left after removing quotes and signature.", null),
                _ => (InboundMailStatus.Ignored, "The reply address belongs to another workspace or to an inactive member: not posted.", null),
            };
        }

        if (await ClientAsync(workspaceId, email.From, ct) is { } client)
        {
            var started = await start.HandleAsync(client, email, ReceiveEmailReply.KeyOf(email), ct);
            if (started.Succeeded)
            {
                return (InboundMailStatus.Started, null, started.Value);
            }

            return (InboundMailStatus.Held, "From a client, but no conversation could be started: " + started.Error, null);
        }

        return (InboundMailStatus.Held, "From a sender who is not a client of this workspace.", null);
    }

    /// <summary>The sender as an active client of the workspace, or null.</summary>
    private async Task<CurrentMember?> ClientAsync(long workspaceId, string from, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(from) || await accounts.FindByEmailAsync(from, ct) is not { } userId)
        {
            return null;
        }

        var member = await db.Members.AsNoTracking()
            .Where(m => m.UserId == userId && m.WorkspaceId == workspaceId && m.IsActive && m.Kind == MemberKind.Client)
            .Select(m => (long?)m.Id).SingleOrDefaultAsync(ct);
        if (member is null)
        {
            return null;
        }

        var me = await load.HandleAsync(userId, ct);
        return me?.MemberId == member ? me : null;
    }

    /// <summary>
    /// The row for this mail, claimed; null when another poller has it or it was handled. A second copy of a mail
    /// already handled (same Message-ID, another UID) is recorded as ignored, so it is not looked at again.
    /// </summary>
    private async Task<long?> ClaimAsync(long workspaceId, MailboxMessage mail, InboundEmail? email, string? messageId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var from = Clip(email?.From ?? "", InboundMail.MaxAddressLength);
        var subject = Clip(email?.Subject ?? "", InboundMail.MaxSubjectLength);
        var inserted = await db.Database.SqlQuery<long>($"""
            INSERT INTO inbound_mails (workspace_id, source, uid_validity, uid, message_id, from_address, subject, status, size_bytes, received_at, claimed_at)
            VALUES ({workspaceId}, 'Imap', {mail.UidValidity}, {mail.Uid}, {messageId}, {from}, {subject}, 'Processing', {mail.SizeBytes}, {now}, {now})
            ON CONFLICT DO NOTHING
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        if (inserted.Count == 1)
        {
            return inserted[0];
        }

        var stale = now.AddSeconds(-options.Value.StaleClaimSeconds);
        var taken = await db.Database.SqlQuery<long>($"""
            UPDATE inbound_mails SET claimed_at = {now}
            WHERE workspace_id = {workspaceId} AND uid_validity = {mail.UidValidity} AND uid = {mail.Uid} AND status = 'Processing' AND claimed_at < {stale}
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        if (taken.Count == 1)
        {
            return taken[0];
        }

        if (messageId is not null)
        {
            // Not this UID's row: the Message-ID is another UID's. Record this copy as a duplicate.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO inbound_mails (workspace_id, source, uid_validity, uid, message_id, from_address, subject, status, reason, size_bytes, received_at, claimed_at, done_at)
                VALUES ({workspaceId}, 'Imap', {mail.UidValidity}, {mail.Uid}, NULL, {from}, {subject}, 'Ignored', 'A copy of a mail already received (same Message-ID).', {mail.SizeBytes}, {now}, {now}, {now})
                ON CONFLICT DO NOTHING
                """, ct);
        }

        return null;
    }

    private static string Clip(string? value, int max) => value is null ? "" : value.Length > max ? value[..max] : value;
}
