using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Webhooks;

/// <summary>A Slack or Teams incoming-webhook URL, for the whole workspace (no project) or one project.</summary>
public sealed record AddChatChannelCommand(WebhookFormat Format, string? Url, long? ProjectId);

/// <summary>
/// Adds a Slack or Microsoft Teams channel (Admins only): new-message and assignment notices, never internal notes,
/// posted to its incoming-webhook URL in the app's own format. The URL passes the same address rules as any webhook.
/// </summary>
public sealed class AddChatChannel(MessagingDbContext db, IWebhookTransport transport, AuditLog audit, TimeProvider clock)
{
    public const string UrlField = "Url";
    public const string ProjectField = "ProjectId";

    public async Task<Result<long>> HandleAsync(CurrentMember me, AddChatChannelCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(command);
        if (!me.IsAdmin)
        {
            return Result<long>.NotFound();
        }

        if (command.Format is not (WebhookFormat.Slack or WebhookFormat.Teams))
        {
            return Result<long>.Invalid("Format", "Choose Slack or Microsoft Teams.");
        }

        if (command.ProjectId is { } projectId && !await db.Projects.AnyAsync(p => p.Id == projectId && p.WorkspaceId == me.WorkspaceId, ct))
        {
            return Result<long>.Invalid(ProjectField, "Choose one of the workspace's projects, or all of them.");
        }

        var (url, error) = await WebhookUrls.CheckAsync(transport, command.Url, ct);
        if (url is null)
        {
            return Result<long>.Invalid(UrlField, error!);
        }

        var hook = new Webhook
        {
            WorkspaceId = me.WorkspaceId,
            ProjectId = command.ProjectId,
            Format = command.Format,
            Url = url,
            Events = string.Join(',', WebhookEvents.ChatEvents),
            CreatedByMemberId = me.MemberId,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Webhooks.Add(hook);
        await db.SaveChangesAsync(ct);
        audit.Record(me, AuditActions.SettingChange, "webhook", hook.Id.ToString(CultureInfo.InvariantCulture),
            $"{command.Format} channel added: {WebhookUrls.Shown(command.Format, url)}{(command.ProjectId is { } p ? $" (project {p})" : "")}");
        await db.SaveChangesAsync(ct);
        return Result<long>.Ok(hook.Id);
    }
}
