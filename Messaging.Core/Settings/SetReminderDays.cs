using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Settings;

/// <summary>
/// Sets how many days before a project deadline its reminder is posted (0 to 30; 0 leaves only the overdue reminder).
/// Admins only; a real change is audited as a setting change in the same SaveChanges.
/// </summary>
public sealed class SetReminderDays(MessagingDbContext db, AuditLog audit)
{
    public const string Field = "ReminderDaysBefore";

    public async Task<Result<int>> HandleAsync(CurrentMember me, string? days, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (WorkspaceSettingsGuard.Refuse<int>(me) is { } refused)
        {
            return refused;
        }

        if (!int.TryParse(days?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > Workspace.MaxReminderDaysBefore)
        {
            return Result<int>.Invalid(Field, string.Create(CultureInfo.InvariantCulture,
                $"Enter a whole number of days from 0 (only when overdue) to {Workspace.MaxReminderDaysBefore}."));
        }

        var workspace = await db.Workspaces.SingleAsync(w => w.Id == me.WorkspaceId, ct);
        if (workspace.ReminderDaysBefore != value)
        {
            audit.Record(me, AuditActions.SettingChange, "workspace", workspace.Id.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"deadline reminder: {workspace.ReminderDaysBefore} → {value} days before"));
            workspace.ReminderDaysBefore = value;
            await db.SaveChangesAsync(ct);
        }

        return Result<int>.Ok(value);
    }
}
