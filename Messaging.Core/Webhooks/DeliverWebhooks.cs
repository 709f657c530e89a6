using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Email;
using Messaging.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Messaging.Core.Webhooks;

/// <summary>
/// Sends one due webhook delivery, if there is one. Claims it atomically (<c>FOR UPDATE SKIP LOCKED</c>: dispatchers on
/// any number of nodes never claim the same row; a claim a crashed node left is taken over after
/// <see cref="WebhookOptions.StaleClaimSeconds"/>), posts it outside any transaction through <see cref="IWebhookTransport"/>
/// and records the try. A 2xx delivers it; anything else schedules the next try with a doubling delay, until the delivery's
/// 24 hours run out: then it fails, its webhook is disabled (its other waiting deliveries fail with it) and the workspace's
/// Admins are emailed through the outbox. Returns whether a delivery was handled (the caller loops until false).
/// </summary>
public sealed class DeliverWebhooks(
    MessagingDbContext db, IWebhookTransport transport, ISecretProtector secrets, EnqueueNotice notice,
    IOptions<WebhookOptions> options, IOptions<NotificationOptions> notifications, TimeProvider clock)
{
    public async Task<bool> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stale = now.AddSeconds(-options.Value.StaleClaimSeconds);
        var claimed = await db.Database.SqlQuery<ClaimedDelivery>($"""
            UPDATE webhook_deliveries SET status = 'Sending', claimed_at = {now}
            WHERE id = (
                SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
                WHERE w.enabled AND ((d.status = 'Pending' AND d.due_at <= {now}) OR (d.status = 'Sending' AND d.claimed_at < {stale}))
                ORDER BY d.due_at, d.id LIMIT 1
                FOR UPDATE OF d SKIP LOCKED)
            RETURNING id, webhook_id, event_id, body, attempts, give_up_at
            """).ToListAsync(ct);
        if (claimed.Count == 0)
        {
            return false;
        }

        var row = claimed[0];
        var hook = await db.Webhooks.AsNoTracking().SingleAsync(w => w.Id == row.WebhookId, ct);
        var response = await PostAsync(hook, row, ct);
        var done = clock.GetUtcNow();
        db.WebhookAttempts.Add(new WebhookAttempt
        {
            DeliveryId = row.Id,
            AttemptedAt = now,
            StatusCode = response.StatusCode,
            Error = Clip(response.Error),
            DurationMs = (int)Math.Clamp((done - now).TotalMilliseconds, 0, int.MaxValue),
        });
        await db.SaveChangesAsync(ct);
        if (response.Succeeded)
        {
            await db.WebhookDeliveries.Where(d => d.Id == row.Id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, WebhookDeliveryStatus.Delivered)
                .SetProperty(d => d.DeliveredAt, done)
                .SetProperty(d => d.LastStatusCode, response.StatusCode)
                .SetProperty(d => d.LastError, (string?)null)
                .SetProperty(d => d.ClaimedAt, (DateTimeOffset?)null), ct);
            return true;
        }

        var failures = row.Attempts + 1;
        var next = done + options.Value.RetryDelay(failures);
        var error = Clip(response.Error ?? $"The receiver answered {response.StatusCode}.")!;
        if (next <= row.GiveUpAt)
        {
            await db.WebhookDeliveries.Where(d => d.Id == row.Id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, WebhookDeliveryStatus.Pending)
                .SetProperty(d => d.Attempts, failures)
                .SetProperty(d => d.DueAt, next)
                .SetProperty(d => d.LastStatusCode, response.StatusCode)
                .SetProperty(d => d.LastError, error)
                .SetProperty(d => d.ClaimedAt, (DateTimeOffset?)null), ct);
            return true;
        }

        await GiveUpAsync(hook, row, failures, response.StatusCode, error, done, ct);
        return true;
    }

    private async Task<WebhookResponse> PostAsync(Webhook hook, ClaimedDelivery row, CancellationToken ct)
    {
        var (url, urlError) = WebhookAddressRules.ParseUrl(hook.Url);
        if (url is null)
        {
            return new WebhookResponse(null, urlError);
        }

        var id = row.EventId.ToString();
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var headers = new Dictionary<string, string>
        {
            [WebhookSignature.IdHeader] = id,
            [WebhookSignature.TimestampHeader] = timestamp.ToString(CultureInfo.InvariantCulture),
        };
        if (hook.Format == WebhookFormat.Standard)
        {
            if (secrets.Unprotect(hook.ProtectedSecret) is not { } secret)
            {
                return new WebhookResponse(null, "The signing secret cannot be read any more; delete this webhook and register it again.");
            }

            headers[WebhookSignature.SignatureHeader] = WebhookSignature.Sign(secret, id, timestamp, row.Body);
        }

        return await transport.PostAsync(new WebhookRequest(url, row.Body, headers), ct);
    }

    /// <summary>The delivery fails; the webhook is disabled (once: whoever flips it emails the Admins) and its other waiting deliveries fail too.</summary>
    private async Task GiveUpAsync(Webhook hook, ClaimedDelivery row, int failures, int? status, string error, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.WebhookDeliveries.Where(d => d.Id == row.Id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, WebhookDeliveryStatus.Failed)
            .SetProperty(d => d.Attempts, failures)
            .SetProperty(d => d.LastStatusCode, status)
            .SetProperty(d => d.LastError, error)
            .SetProperty(d => d.ClaimedAt, (DateTimeOffset?)null), ct);
        var hours = options.Value.RetryHours;
        var reason = Clip($"Disabled {WebhookPayloads.Time(now)}: every try for {hours} hours failed (last: {error})")!;
        var disabled = await db.Webhooks.Where(w => w.Id == hook.Id && w.Enabled).ExecuteUpdateAsync(s => s
            .SetProperty(w => w.Enabled, false)
            .SetProperty(w => w.DisabledAt, now)
            .SetProperty(w => w.DisabledReason, reason), ct);
        if (disabled == 1)
        {
            await db.WebhookDeliveries.Where(d => d.WebhookId == hook.Id && d.Status == WebhookDeliveryStatus.Pending).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, WebhookDeliveryStatus.Failed)
                .SetProperty(d => d.LastError, "Not sent: the webhook was disabled."), ct);
            var admins = await db.Members.AsNoTracking()
                .Where(m => m.WorkspaceId == hook.WorkspaceId && m.IsActive && m.Kind == MemberKind.Staff && m.Role == StaffRole.Admin)
                .Select(m => m.Id).ToListAsync(ct);
            var what = hook.Format == WebhookFormat.Standard ? "webhook" : $"{hook.Format} channel";
            var site = notifications.Value.PublicBaseUrl.TrimEnd('/');
            var list = hook.Format == WebhookFormat.Standard ? "webhooks" : "chat";
            var body = string.Create(CultureInfo.InvariantCulture, $"""
                The {what} {WebhookUrls.Shown(hook.Format, hook.Url)} was disabled: every delivery try for {hours} hours failed.
                The last one: {error}

                Its delivery log (and the button to resend): {site}/admin/webhooks/{hook.Id}
                Enable it again on {site}/admin/{list} once the receiver works.
                """);
            foreach (var admin in admins)
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"webhook-disabled:{hook.Id}:{now.ToUnixTimeSeconds()}:{admin}");
                await notice.HandleAsync(hook.WorkspaceId, admin, $"A {what} was disabled after failing for {hours} hours", body, key[..Math.Min(key.Length, EmailOutboxEntry.MaxDedupeKeyLength)], ct);
            }
        }

        await tx.CommitAsync(ct);
    }

    private static string? Clip(string? text) => text is null || text.Length <= WebhookDelivery.MaxErrorLength ? text : text[..WebhookDelivery.MaxErrorLength];

    private sealed record ClaimedDelivery(long Id, long WebhookId, Guid EventId, string Body, int Attempts, DateTimeOffset GiveUpAt);
}
