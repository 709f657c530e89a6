using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Settings;

/// <summary>
/// Sets how many minutes after sending authors may edit a message (0 turns editing off, at most a day).
/// Admins only; a real change is audited as a setting change in the same SaveChanges.
/// </summary>
public sealed class SetEditWindow(MessagingDbContext db, AuditLog audit)
{
    public const string Field = "EditWindowMinutes";

    public const int MaxMinutes = 1440;

    public async Task<Result<int>> HandleAsync(CurrentMember me, string? minutes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (WorkspaceSettingsGuard.Refuse<int>(me) is { } refused)
        {
            return refused;
        }

        if (!int.TryParse(minutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > MaxMinutes)
        {
            return Result<int>.Invalid(Field, string.Create(CultureInfo.InvariantCulture,
                $"Enter a whole number of minutes from 0 (no editing) to {MaxMinutes} (one day)."));
        }

        var workspace = await db.Workspaces.SingleAsync(w => w.Id == me.WorkspaceId, ct);
        if (workspace.EditWindowMinutes != value)
        {
            audit.Record(me, AuditActions.SettingChange, "workspace", workspace.Id.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"message edit window: {workspace.EditWindowMinutes} → {value} minutes"));
            workspace.EditWindowMinutes = value;
            await db.SaveChangesAsync(ct);
        }

        return Result<int>.Ok(value);
    }
}
