using System.Text.Json.Nodes;
using Messaging.Core.Common.Events;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Messaging.Core.Inbox;
using Messaging.Core.Messages;
using Messaging.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Messaging.Core.Webhooks;

/// <summary>
/// Turns domain events into webhook deliveries: for each enabled webhook of the workspace that chose the event, one
/// <see cref="WebhookDelivery"/> row, added on the publisher's DbContext inside its transaction (the durable outbox:
/// the event and its deliveries commit or roll back together; nothing is sent from the request). Who hears of what is
/// the event's <see cref="Audience"/>: an internal note (a staff-only message, its edit or deletion) reaches only
/// webhooks marked internal and never a Slack or Teams channel; the staff inbox's workflow (assignments, statuses)
/// reaches internal webhooks and chat channels (the team's own); the rest reaches every webhook that chose it. The body
/// is built now, as the event was.
/// </summary>
public sealed class EnqueueWebhookDeliveries(
    MessagingDbContext db, IOptions<WebhookOptions> options, IOptions<NotificationOptions> notifications, TimeProvider clock) :
    IDomainEventHandler<MessageAppended>,
    IDomainEventHandler<MessageEdited>,
    IDomainEventHandler<MessageDeleted>,
    IDomainEventHandler<ConversationStarted>,
    IDomainEventHandler<ConversationAssigned>,
    IDomainEventHandler<ConversationStatusChanged>
{
    /// <summary>Who may hear of an event.</summary>
    private enum Audience
    {
        /// <summary>What a client may see in the portal: every webhook that chose it, and chat channels.</summary>
        Everyone,

        /// <summary>The staff inbox's workflow (who is assigned, an inbox status): webhooks marked internal, and chat channels.</summary>
        Team,

        /// <summary>An internal note's content: webhooks marked internal only; never a chat channel, whose members the portal cannot check.</summary>
        InternalNote,
    }

    /// <summary>What one event says: its type, where it happened, who may hear of it, its data and its chat notice (null: chat channels are not told).</summary>
    private sealed record Outgoing(string Type, long WorkspaceId, long? ProjectId, Audience Audience, JsonObject Data, ChatNotice? Chat);

    public async Task HandleAsync(MessageAppended domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var (conversation, message) = (domainEvent.Conversation, domainEvent.Message);
        if (!await AnyHookAsync(conversation.WorkspaceId, WebhookEvents.MessageCreated, ct))
        {
            return;
        }

        var names = await NamesAsync([message.AuthorMemberId, message.SubjectMemberId], ct);
        var data = new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["id"] = message.Id,
                ["conversation_id"] = conversation.Id,
                ["kind"] = WebhookPayloads.Snake(message.Kind.ToString()),
                ["visibility"] = message.Visibility == MessageVisibility.StaffOnly ? "internal" : "everyone",
                ["body"] = message.Body,
                ["author"] = WebhookPayloads.Person(message.AuthorMemberId, names),
                ["subject_member"] = WebhookPayloads.Person(message.SubjectMemberId, names),
                ["reply_to_id"] = message.ReplyToId,
                ["priority"] = WebhookPayloads.Snake(message.Priority.ToString()),
                ["channel"] = WebhookPayloads.Snake(message.Channel.ToString()),
                ["created_at"] = WebhookPayloads.Time(message.CreatedAt),
            },
            ["conversation"] = ConversationNode(conversation.Id, conversation.Subject, conversation.ProjectId),
        };
        var isNote = message.Visibility == MessageVisibility.StaffOnly;
        var chat = message.Kind == MessageKind.Text && !isNote
            ? new ChatNotice($"New message from {Name(names, message.AuthorMemberId)} in “{conversation.Subject}”", message.Body, Link(conversation.Id))
            : null;
        await EnqueueAsync(new Outgoing(
            WebhookEvents.MessageCreated, conversation.WorkspaceId, conversation.ProjectId, isNote ? Audience.InternalNote : Audience.Everyone, data, chat), ct);
    }

    public async Task HandleAsync(MessageEdited domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var message = domainEvent.Message;
        await MessageChangedAsync(WebhookEvents.MessageEdited, message, domainEvent.Editor.MemberId, m => m["body"] = message.Body, ct);
    }

    public async Task HandleAsync(MessageDeleted domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        await MessageChangedAsync(WebhookEvents.MessageDeleted, domainEvent.Message, domainEvent.DeletedBy.MemberId, _ => { }, ct);
    }

    public async Task HandleAsync(ConversationStarted domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var c = domainEvent.Conversation;
        if (!await AnyHookAsync(c.WorkspaceId, WebhookEvents.ConversationCreated, ct))
        {
            return;
        }

        var names = await NamesAsync([domainEvent.StartedBy.MemberId], ct);
        var node = ConversationNode(c.Id, c.Subject, c.ProjectId);
        node["category"] = WebhookPayloads.Snake(c.Category.ToString());
        node["created_at"] = WebhookPayloads.Time(c.CreatedAt);
        node["started_by"] = WebhookPayloads.Person(domainEvent.StartedBy.MemberId, names);
        await EnqueueAsync(new Outgoing(WebhookEvents.ConversationCreated, c.WorkspaceId, c.ProjectId, Audience.Everyone, new JsonObject { ["conversation"] = node }, null), ct);
    }

    public async Task HandleAsync(ConversationAssigned domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (!await AnyHookAsync(domainEvent.WorkspaceId, WebhookEvents.ConversationAssigned, ct))
        {
            return;
        }

        var c = await db.Conversations.AsNoTracking().Where(x => x.Id == domainEvent.ConversationId)
            .Select(x => new { x.Subject, x.ProjectId }).SingleAsync(ct);
        var names = await NamesAsync([domainEvent.AssigneeMemberId, domainEvent.AssignedByMemberId], ct);
        var data = new JsonObject
        {
            ["conversation"] = ConversationNode(domainEvent.ConversationId, c.Subject, c.ProjectId),
            ["assignee"] = WebhookPayloads.Person(domainEvent.AssigneeMemberId, names),
            ["assigned_by"] = WebhookPayloads.Person(domainEvent.AssignedByMemberId, names),
            ["automatic"] = domainEvent.AssigneeMemberId == domainEvent.AssignedByMemberId,
            ["assigned_at"] = WebhookPayloads.Time(domainEvent.At),
        };
        var title = domainEvent.AssigneeMemberId is { } assignee
            ? $"“{c.Subject}” was assigned to {Name(names, assignee)}"
            : $"“{c.Subject}” was unassigned";
        var by = domainEvent.AssigneeMemberId == domainEvent.AssignedByMemberId ? "Assigned automatically." : $"By {Name(names, domainEvent.AssignedByMemberId)}.";
        var chat = new ChatNotice(title, by, Link(domainEvent.ConversationId));
        await EnqueueAsync(new Outgoing(WebhookEvents.ConversationAssigned, domainEvent.WorkspaceId, c.ProjectId, Audience.Team, data, chat), ct);
    }

    public async Task HandleAsync(ConversationStatusChanged domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var c = domainEvent.Conversation;
        if (!await AnyHookAsync(c.WorkspaceId, WebhookEvents.ConversationStatusChanged, ct))
        {
            return;
        }

        var names = await NamesAsync([domainEvent.ChangedByMemberId], ct);
        var data = new JsonObject
        {
            ["conversation"] = ConversationNode(c.Id, c.Subject, c.ProjectId),
            ["status"] = WebhookPayloads.Snake(domainEvent.Status.ToString()),
            ["changed_by"] = WebhookPayloads.Person(domainEvent.ChangedByMemberId, names),
            ["changed_at"] = WebhookPayloads.Time(domainEvent.At),
        };
        await EnqueueAsync(new Outgoing(WebhookEvents.ConversationStatusChanged, c.WorkspaceId, c.ProjectId, Audience.Team, data, null), ct);
    }

    private async Task MessageChangedAsync(string type, Message message, long byMemberId, Action<JsonObject> fill, CancellationToken ct)
    {
        if (!await AnyHookAsync(message.WorkspaceId, type, ct))
        {
            return;
        }

        var c = await db.Conversations.AsNoTracking().Where(x => x.Id == message.ConversationId)
            .Select(x => new { x.Subject, x.ProjectId }).SingleAsync(ct);
        var names = await NamesAsync([byMemberId], ct);
        var node = new JsonObject
        {
            ["id"] = message.Id,
            ["conversation_id"] = message.ConversationId,
            ["visibility"] = message.Visibility == MessageVisibility.StaffOnly ? "internal" : "everyone",
        };
        fill(node);
        var data = new JsonObject
        {
            ["message"] = node,
            ["conversation"] = ConversationNode(message.ConversationId, c.Subject, c.ProjectId),
            [type == WebhookEvents.MessageEdited ? "edited_by" : "deleted_by"] = WebhookPayloads.Person(byMemberId, names),
            [type == WebhookEvents.MessageEdited ? "edited_at" : "deleted_at"] = WebhookPayloads.Time(clock.GetUtcNow()),
        };
        var audience = message.Visibility == MessageVisibility.StaffOnly ? Audience.InternalNote : Audience.Everyone;
        await EnqueueAsync(new Outgoing(type, message.WorkspaceId, c.ProjectId, audience, data, null), ct);
    }

    private Task<bool> AnyHookAsync(long workspaceId, string type, CancellationToken ct) =>
        db.Webhooks.AsNoTracking().AnyAsync(w => w.WorkspaceId == workspaceId && w.Enabled && w.Events.Contains(type), ct);

    private async Task EnqueueAsync(Outgoing evt, CancellationToken ct)
    {
        var hooks = await db.Webhooks.AsNoTracking()
            .Where(w => w.WorkspaceId == evt.WorkspaceId && w.Enabled)
            .OrderBy(w => w.Id)
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var added = false;
        foreach (var hook in hooks.Where(h => h.EventList.Contains(evt.Type)))
        {
            var eventId = Guid.NewGuid();
            var body = hook.Format switch
            {
                WebhookFormat.Standard when evt.Audience == Audience.Everyone || hook.IncludeInternal => WebhookPayloads.Envelope(eventId, evt.Type, now, evt.WorkspaceId, evt.Data.DeepClone().AsObject()),
                WebhookFormat.Slack when Heard(hook, evt) => ChatPayloads.Slack(evt.Chat!),
                WebhookFormat.Teams when Heard(hook, evt) => ChatPayloads.Teams(evt.Chat!),
                _ => null,
            };
            if (body is null)
            {
                continue;
            }

            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                WebhookId = hook.Id,
                EventId = eventId,
                EventType = evt.Type,
                Body = body,
                Status = WebhookDeliveryStatus.Pending,
                DueAt = now,
                GiveUpAt = now.AddHours(options.Value.RetryHours),
                CreatedAt = now,
            });
            added = true;
        }

        if (added)
        {
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>A chat channel hears of an event that has a notice, is not about an internal note, and is in its project (if it has one).</summary>
    private static bool Heard(Webhook hook, Outgoing evt) =>
        evt.Chat is not null && evt.Audience != Audience.InternalNote && (hook.ProjectId is null || hook.ProjectId == evt.ProjectId);

    private JsonObject ConversationNode(long id, string subject, long? projectId) => new()
    {
        ["id"] = id,
        ["subject"] = subject,
        ["project_id"] = projectId,
        ["url"] = Link(id),
    };

    private string Link(long conversationId) => NotificationEmails.ThreadLink(notifications.Value.PublicBaseUrl, true, conversationId);

    private static string Name(IReadOnlyDictionary<long, (string Name, string Kind)> names, long memberId) =>
        names.TryGetValue(memberId, out var n) ? n.Name : "someone";

    private async Task<IReadOnlyDictionary<long, (string Name, string Kind)>> NamesAsync(long?[] ids, CancellationToken ct)
    {
        var wanted = ids.Where(i => i is not null).Select(i => i!.Value).Distinct().ToList();
        var rows = await db.Members.AsNoTracking().Where(m => wanted.Contains(m.Id)).Select(m => new { m.Id, m.DisplayName, m.Kind }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => (r.DisplayName, r.Kind.ToString()));
    }
}
