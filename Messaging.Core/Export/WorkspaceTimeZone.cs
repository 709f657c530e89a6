using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Export;

/// <summary>The workspace's time zone (IANA id), which exports show local times in.</summary>
public sealed class GetWorkspaceTimeZone(MessagingDbContext db)
{
    public async Task<string> HandleAsync(long workspaceId, CancellationToken ct) =>
        await db.Workspaces.AsNoTracking().Where(w => w.Id == workspaceId).Select(w => w.TimeZone).SingleOrDefaultAsync(ct) ?? "UTC";

    /// <summary>The zones offered: this machine's IANA ids, UTC first.</summary>
    public static IReadOnlyList<string> Choices { get; } =
        ["UTC", .. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
}

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
