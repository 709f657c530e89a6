using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Messaging.Core.Webhooks;

/// <summary>
/// Sends a delivery again from the log (Admins only): the same body and <c>Webhook-Id</c>, due now, with a fresh
/// 24 hours of tries. Refused while it is still waiting or being sent, and while its webhook is disabled.
/// </summary>
public sealed class ResendWebhookDelivery(MessagingDbContext db, AuditLog audit, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(CurrentMember me, long webhookId, long deliveryId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var delivery = me.IsAdmin
            ? await db.WebhookDeliveries.Include(d => d.Webhook)
                .SingleOrDefaultAsync(d => d.Id == deliveryId && d.WebhookId == webhookId && d.Webhook!.WorkspaceId == me.WorkspaceId, ct)
            : null;
        if (delivery is null)
        {
            return Result<long>.NotFound();
        }

        if (!delivery.Webhook!.Enabled)
        {
            return Result<long>.Invalid("deliveryId", "Enable the webhook first; a disabled webhook sends nothing.");
        }

        if (delivery.Status is WebhookDeliveryStatus.Pending or WebhookDeliveryStatus.Sending)
        {
            return Result<long>.Invalid("deliveryId", "This delivery is still being tried.");
        }

        var now = clock.GetUtcNow();
        delivery.Status = WebhookDeliveryStatus.Pending;
        delivery.Attempts = 0;
        delivery.DueAt = now;
        delivery.GiveUpAt = now.AddHours(options.Value.RetryHours);
        delivery.ClaimedAt = null;
        audit.Record(me, AuditActions.SettingChange, "webhook", webhookId.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"Webhook delivery {delivery.EventId} resent"));
        await db.SaveChangesAsync(ct);
        return Result<long>.Ok(delivery.Id);
    }
}
