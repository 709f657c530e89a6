using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Settings;

/// <summary>
/// Switches the messages module on or off. Nothing is deleted either way. A change is audited in the
/// same SaveChanges; saving the value it already has changes nothing and records nothing.
/// </summary>
public sealed class SetMessagesModule(MessagingDbContext db, AuditLog audit)
{
    public async Task<Result<bool>> HandleAsync(CurrentMember me, bool enabled, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (WorkspaceSettingsGuard.Refuse<bool>(me) is { } refused)
        {
            return refused;
        }

        var workspace = await db.Workspaces.SingleAsync(w => w.Id == me.WorkspaceId, ct);
        if (workspace.MessagesEnabled != enabled)
        {
            audit.Record(me, AuditActions.SettingChange, "workspace", workspace.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"messages module: {OnOff(workspace.MessagesEnabled)} → {OnOff(enabled)}");
            workspace.MessagesEnabled = enabled;
            await db.SaveChangesAsync(ct);
        }

        return Result<bool>.Ok(enabled);
    }

    private static string OnOff(bool on) => on ? "on" : "off";
}
