using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Settings;

/// <summary>
/// Turns read receipts on or off for the workspace (Admins). Off, nobody sees "Seen" anywhere; the read
/// pointers they derive from keep working for unread counts. A change is audited as a setting change in
/// the same SaveChanges; saving the current value records nothing.
/// </summary>
public sealed class SetReadReceiptSetting(MessagingDbContext db, AuditLog audit)
{
    public async Task<Result<bool>> HandleAsync(CurrentMember me, bool enabled, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (WorkspaceSettingsGuard.Refuse<bool>(me) is { } refused)
        {
            return refused;
        }

        var workspace = await db.Workspaces.SingleAsync(w => w.Id == me.WorkspaceId, ct);
        if (workspace.ReadReceiptsEnabled != enabled)
        {
            audit.Record(me, AuditActions.SettingChange, "workspace", workspace.Id.ToString(CultureInfo.InvariantCulture),
                $"read receipts: {OnOff(workspace.ReadReceiptsEnabled)} → {OnOff(enabled)}");
            workspace.ReadReceiptsEnabled = enabled;
            await db.SaveChangesAsync(ct);
        }

        return Result<bool>.Ok(enabled);
    }

    private static string OnOff(bool on) => on ? "on" : "off";
}
