using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Webhooks;

public enum WebhookAction
{
    Enable,
    Disable,
    Delete,
}

/// <summary>
/// Enables, disables or deletes one of the workspace's webhooks or chat channels (Admins only; another workspace's id is
/// 404). Disabling fails its waiting deliveries (an Admin may resend them); deleting removes its log too.
/// </summary>
public sealed class ManageWebhook(MessagingDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<bool>> HandleAsync(CurrentMember me, long webhookId, WebhookAction action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var hook = me.IsAdmin ? await db.Webhooks.SingleOrDefaultAsync(w => w.Id == webhookId && w.WorkspaceId == me.WorkspaceId, ct) : null;
        if (hook is null)
        {
            return Result<bool>.NotFound();
        }

        switch (action)
        {
            case WebhookAction.Enable:
                hook.Enabled = true;
                hook.DisabledAt = null;
                hook.DisabledReason = null;
                break;
            case WebhookAction.Disable:
                hook.Enabled = false;
                hook.DisabledAt = clock.GetUtcNow();
                hook.DisabledReason = $"Disabled by {me.DisplayName}.";
                await db.WebhookDeliveries.Where(d => d.WebhookId == hook.Id && d.Status == WebhookDeliveryStatus.Pending).ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.Status, WebhookDeliveryStatus.Failed)
                    .SetProperty(d => d.LastError, "Not sent: the webhook was disabled."), ct);
                break;
            case WebhookAction.Delete:
                db.Webhooks.Remove(hook);
                break;
            default:
                return Result<bool>.Invalid("action", "Unknown action.");
        }

        audit.Record(me, AuditActions.SettingChange, "webhook", hook.Id.ToString(CultureInfo.InvariantCulture), $"Webhook {action.ToString().ToLowerInvariant()}d: {WebhookUrls.Shown(hook.Format, hook.Url)}");
        await db.SaveChangesAsync(ct);
        return Result<bool>.Ok(true);
    }
}
