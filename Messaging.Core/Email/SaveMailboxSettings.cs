using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Email;

/// <summary>What the mailbox form posts; an empty password keeps the stored one.</summary>
public sealed record MailboxSettingsInput(bool Enabled, string? Host, int? Port, MailSecurity? Security, string? UserName, string? Password, string? Folder);

/// <summary>
/// Saves the workspace's inbound mailbox (Admins only). The password is stored protected by
/// <see cref="ISecretProtector"/>; leaving it empty keeps the stored one. Turning the mailbox on needs a host,
/// a user and a password. Recorded in the audit log as a setting change (never with the password).
/// </summary>
public sealed class SaveMailboxSettings(MessagingDbContext db, ISecretProtector protector, AuditLog audit, TimeProvider clock)
{
    public const string HostField = "Host";
    public const string PortField = "Port";
    public const string UserField = "UserName";
    public const string PasswordField = "Password";
    public const string FolderField = "Folder";
    public const string SecurityField = "Security";

    public async Task<Result<bool>> HandleAsync(CurrentMember me, MailboxSettingsInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(input);
        if (!me.IsAdmin)
        {
            return Result<bool>.NotFound();
        }

        var host = input.Host?.Trim() ?? "";
        var user = input.UserName?.Trim() ?? "";
        var folder = string.IsNullOrWhiteSpace(input.Folder) ? "INBOX" : input.Folder.Trim();
        if (host.Length > WorkspaceMailbox.MaxHostLength || host.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return Result<bool>.Invalid(HostField, "Enter the mail server's host name, for example imap.example.com.");
        }

        if (input.Port is not { } port || port is < 1 or > 65535)
        {
            return Result<bool>.Invalid(PortField, "Enter a port between 1 and 65535 (993 for TLS, 143 for STARTTLS).");
        }

        if (input.Security is not { } security || !Enum.IsDefined(security))
        {
            return Result<bool>.Invalid(SecurityField, "Choose how the connection is secured.");
        }

        if (user.Length > WorkspaceMailbox.MaxUserLength || (input.Password?.Length ?? 0) > 1000)
        {
            return Result<bool>.Invalid(UserField, "The user name or password is too long.");
        }

        if (folder.Length > WorkspaceMailbox.MaxFolderLength || folder.Any(char.IsControl))
        {
            return Result<bool>.Invalid(FolderField, "Enter a folder name (INBOX by default).");
        }

        var row = await db.WorkspaceMailboxes.SingleOrDefaultAsync(m => m.WorkspaceId == me.WorkspaceId, ct);
        if (row is null)
        {
            row = new WorkspaceMailbox { WorkspaceId = me.WorkspaceId };
            db.WorkspaceMailboxes.Add(row);
        }

        var password = string.IsNullOrEmpty(input.Password) ? row.ProtectedPassword : protector.Protect(input.Password);
        if (input.Enabled && (host.Length == 0 || user.Length == 0 || password.Length == 0))
        {
            return Result<bool>.Invalid(input.Enabled && host.Length == 0 ? HostField : user.Length == 0 ? UserField : PasswordField,
                "To read mail, enter the server, the user name and the password.");
        }

        var changed = row.Enabled != input.Enabled || row.Host != host || row.Port != port || row.Security != security
            || row.UserName != user || row.Folder != folder || row.ProtectedPassword != password;
        row.Enabled = input.Enabled;
        row.Host = host;
        row.Port = port;
        row.Security = security;
        row.UserName = user;
        row.Folder = folder;
        row.ProtectedPassword = password;
        row.UpdatedAt = clock.GetUtcNow();
        if (changed)
        {
            row.LastError = null;
            audit.Record(me, AuditActions.SettingChange, "workspace", me.WorkspaceId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Inbound mailbox: {(input.Enabled ? "on" : "off")}, {user}@{host}:{port} ({security}), folder {folder}");
        }

        await db.SaveChangesAsync(ct);
        return Result<bool>.Ok(changed);
    }
}
