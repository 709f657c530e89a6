using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Messaging.Core.Email;

/// <summary>An enabled mailbox with its password readable (null when Data Protection can't read it any more).</summary>
public sealed record MailboxToCheck(long WorkspaceId, string Host, int Port, MailSecurity Security, string UserName, string? Password, string Folder);

/// <summary>The enabled mailboxes of workspaces with messages on, for the poller; and where it records each check's result.</summary>
public sealed class ListMailboxesToCheck(MessagingDbContext db, ISecretProtector protector, IOptions<EmailChannelOptions> options, TimeProvider clock)
{
    public async Task<IReadOnlyList<MailboxToCheck>> HandleAsync(CancellationToken ct)
    {
        var rows = await db.WorkspaceMailboxes.AsNoTracking()
            .Where(m => m.Enabled && db.Workspaces.Any(w => w.Id == m.WorkspaceId && w.MessagesEnabled))
            .OrderBy(m => m.WorkspaceId).ToListAsync(ct);
        return rows.Select(m => new MailboxToCheck(m.WorkspaceId, m.Host, m.Port, m.Security, m.UserName, protector.Unprotect(m.ProtectedPassword), m.Folder)).ToList();
    }

    /// <summary>When the mailbox was last checked and why it failed (null: it worked), for the settings page.</summary>
    public Task RecordCheckAsync(long workspaceId, string? error, CancellationToken ct)
    {
        var clipped = error is null ? null : error[..Math.Min(error.Length, WorkspaceMailbox.MaxErrorLength)];
        return db.WorkspaceMailboxes.Where(m => m.WorkspaceId == workspaceId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LastCheckedAt, clock.GetUtcNow())
            .SetProperty(m => m.LastError, clipped), ct);
    }

    /// <summary>Of the mailbox's UIDs, those not handled yet (never seen, or claimed by a poller that died), in UID order.</summary>
    public async Task<IReadOnlyList<long>> UnhandledAsync(long workspaceId, long uidValidity, IReadOnlyList<long> uids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(uids);
        if (uids.Count == 0)
        {
            return [];
        }

        var stale = clock.GetUtcNow().AddSeconds(-options.Value.StaleClaimSeconds);
        var array = uids.ToArray();
        var done = await db.InboundMails.AsNoTracking()
            .Where(m => m.WorkspaceId == workspaceId && m.UidValidity == uidValidity && array.Contains(m.Uid))
            .Where(m => m.Status != InboundMailStatus.Processing || m.ClaimedAt >= stale)
            .Select(m => m.Uid).ToListAsync(ct);
        var skip = done.ToHashSet();
        return uids.Where(u => !skip.Contains(u)).Order().ToList();
    }
}
