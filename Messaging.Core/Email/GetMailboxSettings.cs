using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Email;

/// <summary>The workspace mailbox as the settings form shows it: never the password, only whether one is stored.</summary>
public sealed record MailboxSettingsView(bool Enabled, string Host, int Port, MailSecurity Security, string UserName, bool HasPassword, string Folder, DateTimeOffset? LastCheckedAt, string? LastError);

/// <summary>The workspace's inbound mailbox for its Admins (null for anyone else: the page answers 404).</summary>
public sealed class GetMailboxSettings(MessagingDbContext db)
{
    public async Task<MailboxSettingsView?> HandleAsync(CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsAdmin)
        {
            return null;
        }

        var m = await db.WorkspaceMailboxes.AsNoTracking().SingleOrDefaultAsync(x => x.WorkspaceId == me.WorkspaceId, ct) ?? new WorkspaceMailbox();
        return new MailboxSettingsView(m.Enabled, m.Host, m.Port, m.Security, m.UserName, m.ProtectedPassword.Length > 0, m.Folder, m.LastCheckedAt, m.LastError);
    }
}
