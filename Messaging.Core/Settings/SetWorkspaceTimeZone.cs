using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Settings;

/// <summary>Sets the workspace's time zone (Admins). An id this machine does not know is refused; a change is audited.</summary>
public sealed class SetWorkspaceTimeZone(MessagingDbContext db, AuditLog audit)
{
    public const string Field = "timeZone";

    public async Task<Result<string>> HandleAsync(CurrentMember me, string? timeZone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (WorkspaceSettingsGuard.Refuse<string>(me) is { } refused)
        {
            return refused;
        }

        if (timeZone is null || !GetWorkspaceTimeZone.Choices.Contains(timeZone, StringComparer.Ordinal))
        {
            return Result<string>.Invalid(Field, "Choose a time zone from the list.");
        }

        var workspace = await db.Workspaces.SingleAsync(w => w.Id == me.WorkspaceId, ct);
        if (workspace.TimeZone != timeZone)
        {
            audit.Record(me, AuditActions.SettingChange, "workspace", workspace.Id.ToString(CultureInfo.InvariantCulture), $"time zone: {workspace.TimeZone} → {timeZone}");
            workspace.TimeZone = timeZone;
            await db.SaveChangesAsync(ct);
        }

        return Result<string>.Ok(timeZone);
    }
}
