using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Webhooks;

/// <summary>A webhook or chat channel as the admin lists show it (never its secret).</summary>
public sealed record WebhookRow(
    long Id, WebhookFormat Format, string Url, IReadOnlyList<string> Events, bool IncludeInternal, bool Enabled, string? DisabledReason,
    long? ProjectId, string? ProjectName, DateTimeOffset CreatedAt, int? LastStatusCode, DateTimeOffset? LastAttemptAt);

/// <summary>The workspace's webhooks of the given formats, for its Admins (null for anyone else: 404).</summary>
public sealed class ListWebhooks(MessagingDbContext db)
{
    public async Task<IReadOnlyList<WebhookRow>?> HandleAsync(CurrentMember me, IReadOnlyCollection<WebhookFormat> formats, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsAdmin)
        {
            return null;
        }

        var rows = await db.Webhooks.AsNoTracking()
            .Where(w => w.WorkspaceId == me.WorkspaceId && formats.Contains(w.Format))
            .OrderBy(w => w.Id)
            .Select(w => new
            {
                w.Id,
                w.Format,
                w.Url,
                w.Events,
                w.IncludeInternal,
                w.Enabled,
                w.DisabledReason,
                w.ProjectId,
                ProjectName = db.Projects.Where(p => p.Id == w.ProjectId).Select(p => p.Name).FirstOrDefault(),
                w.CreatedAt,
                Last = db.WebhookAttempts.Where(a => db.WebhookDeliveries.Any(d => d.Id == a.DeliveryId && d.WebhookId == w.Id))
                    .OrderByDescending(a => a.Id).Select(a => new { a.StatusCode, a.AttemptedAt }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(w => new WebhookRow(
            w.Id, w.Format, w.Url, w.Events.Split(',', StringSplitOptions.RemoveEmptyEntries), w.IncludeInternal, w.Enabled, w.DisabledReason,
            w.ProjectId, w.ProjectName, w.CreatedAt, w.Last?.StatusCode, w.Last?.AttemptedAt)).ToList();
    }
}
