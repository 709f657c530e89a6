using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Settings;

/// <summary>Admins change the inbox settings; a change is audited. Turning out-of-office on needs a text.</summary>
public sealed class SetInboxSettings(MessagingDbContext db, AuditLog audit)
{
    public const string TextField = "outOfOfficeText";

    public async Task<Result<InboxSettings>> HandleAsync(CurrentMember me, InboxSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(settings);
        if (WorkspaceSettingsGuard.Refuse<InboxSettings>(me) is { } refused)
        {
            return refused;
        }

        var text = string.IsNullOrWhiteSpace(settings.OutOfOfficeText) ? null : settings.OutOfOfficeText.Trim();
        if (settings.OutOfOfficeEnabled && text is null)
        {
            return Result<InboxSettings>.Invalid(TextField, "Write the out-of-office text clients will get, or leave it off.");
        }

        if (text is { Length: > Workspace.MaxOutOfOfficeLength })
        {
            return Result<InboxSettings>.Invalid(TextField, $"The out-of-office text can be at most {Workspace.MaxOutOfOfficeLength} characters.");
        }

        var workspace = await db.Workspaces.SingleAsync(w => w.Id == me.WorkspaceId, ct);
        var saved = settings with { OutOfOfficeText = text };
        if (new InboxSettings(workspace.StaffReplySetsWaiting, workspace.OutOfOfficeEnabled, workspace.OutOfOfficeText) != saved)
        {
            audit.Record(me, AuditActions.SettingChange, "workspace", workspace.Id.ToString(CultureInfo.InvariantCulture),
                $"inbox: staff reply sets waiting {(saved.StaffReplySetsWaiting ? "on" : "off")}, out-of-office {(saved.OutOfOfficeEnabled ? "on" : "off")}");
            workspace.StaffReplySetsWaiting = saved.StaffReplySetsWaiting;
            workspace.OutOfOfficeEnabled = saved.OutOfOfficeEnabled;
            workspace.OutOfOfficeText = saved.OutOfOfficeText;
            await db.SaveChangesAsync(ct);
        }

        return Result<InboxSettings>.Ok(saved);
    }
}
