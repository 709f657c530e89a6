using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Webhooks;

public sealed record WebhookAttemptRow(DateTimeOffset AttemptedAt, int? StatusCode, string? Error, int DurationMs);

public sealed record WebhookDeliveryRow(
    long Id, Guid EventId, string EventType, WebhookDeliveryStatus Status, int Attempts, int? LastStatusCode, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset DueAt, DateTimeOffset? DeliveredAt, IReadOnlyList<WebhookAttemptRow> Tries);

/// <summary>A webhook's delivery log: the webhook and its newest deliveries with their tries.</summary>
public sealed record WebhookLog(WebhookRow Webhook, IReadOnlyList<WebhookDeliveryRow> Deliveries);

/// <summary>The delivery log of one of the workspace's webhooks, newest first (Admins only; anything else is null: 404).</summary>
public sealed class GetWebhookDeliveries(MessagingDbContext db, ListWebhooks list)
{
    public const int Shown = 100;

    public async Task<WebhookLog?> HandleAsync(CurrentMember me, long webhookId, CancellationToken ct)
    {
        var hooks = await list.HandleAsync(me, Enum.GetValues<WebhookFormat>(), ct);
        if (hooks?.SingleOrDefault(h => h.Id == webhookId) is not { } hook)
        {
            return null;
        }

        var deliveries = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.WebhookId == webhookId)
            .OrderByDescending(d => d.Id)
            .Take(Shown)
            .Select(d => new WebhookDeliveryRow(
                d.Id, d.EventId, d.EventType, d.Status, d.Attempts, d.LastStatusCode, d.LastError, d.CreatedAt, d.DueAt, d.DeliveredAt,
                d.AttemptLog.OrderByDescending(a => a.Id).Select(a => new WebhookAttemptRow(a.AttemptedAt, a.StatusCode, a.Error, a.DurationMs)).ToList()))
            .ToListAsync(ct);
        return new WebhookLog(hook, deliveries);
    }
}
