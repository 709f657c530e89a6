using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Email;

namespace Messaging.Core.Webhooks;

/// <summary>What the registration form posts: the URL, the chosen events and whether it may hear of internal notes.</summary>
public sealed record RegisterWebhookCommand(string? Url, IReadOnlyList<string>? Events, bool IncludeInternal);

/// <summary>A registered webhook and its signing secret, which is shown this once.</summary>
public sealed record RegisteredWebhook(long Id, string Secret);

/// <summary>
/// Registers a standard webhook (Admins only): a URL that is http(s) and reaches an address deliveries may go to, at
/// least one known event, and no staff-only event unless it is marked internal. Makes its secret (stored protected, returned once). Nothing is stored when anything is
/// refused. Recorded in the audit log as a setting change.
/// </summary>
public sealed class RegisterWebhook(MessagingDbContext db, IWebhookTransport transport, ISecretProtector protector, AuditLog audit, TimeProvider clock)
{
    public const string UrlField = "Url";
    public const string EventsField = "Events";

    public const string InternalOnlyRefusal =
        "Assignments and inbox statuses are staff-only: tick “Internal” to send them, or leave them out.";

    public async Task<Result<RegisteredWebhook>> HandleAsync(CurrentMember me, RegisterWebhookCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(command);
        if (!me.IsAdmin)
        {
            return Result<RegisteredWebhook>.NotFound();
        }

        var (url, error) = await WebhookUrls.CheckAsync(transport, command.Url, ct);
        if (url is null)
        {
            return Result<RegisteredWebhook>.Invalid(UrlField, error!);
        }

        var events = (command.Events ?? []).Distinct().ToList();
        if (events.Count == 0 || events.Any(e => !WebhookEvents.IsKnown(e)))
        {
            return Result<RegisteredWebhook>.Invalid(EventsField, "Choose at least one event to send.");
        }

        if (!command.IncludeInternal && events.Any(WebhookEvents.IsInternalOnly))
        {
            return Result<RegisteredWebhook>.Invalid(EventsField, InternalOnlyRefusal);
        }

        var secret = WebhookSignature.NewSecret();
        var hook = new Webhook
        {
            WorkspaceId = me.WorkspaceId,
            Format = WebhookFormat.Standard,
            Url = url,
            Events = string.Join(',', WebhookEvents.All.Select(e => e.Name).Where(events.Contains)),
            IncludeInternal = command.IncludeInternal,
            ProtectedSecret = protector.Protect(secret),
            CreatedByMemberId = me.MemberId,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Webhooks.Add(hook);
        await db.SaveChangesAsync(ct);
        audit.Record(me, AuditActions.SettingChange, "webhook", hook.Id.ToString(CultureInfo.InvariantCulture),
            $"Webhook registered: {WebhookUrls.Shown(hook.Format, url)} ({hook.Events}{(hook.IncludeInternal ? ", internal" : "")})");
        await db.SaveChangesAsync(ct);
        return Result<RegisteredWebhook>.Ok(new RegisteredWebhook(hook.Id, secret));
    }
}
