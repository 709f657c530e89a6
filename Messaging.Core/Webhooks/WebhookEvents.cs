namespace Messaging.Core.Webhooks;

/// <summary>One event a webhook may choose: its <c>type</c>, what the form says of it, and whether only internal webhooks may hear of it.</summary>
/// <param name="InternalOnly">
/// Staff-only by nature (the staff inbox's assignments and statuses, which a client never sees in the portal): only a webhook
/// marked internal may choose it.
/// </param>
public sealed record WebhookEventType(string Name, string Description, bool InternalOnly);

/// <summary>The events a webhook may choose, by the name its payloads carry in <c>type</c>. Never rename one that has been sent.</summary>
public static class WebhookEvents
{
    public const string MessageCreated = "message.created";
    public const string MessageEdited = "message.edited";
    public const string MessageDeleted = "message.deleted";
    public const string ConversationCreated = "conversation.created";
    public const string ConversationAssigned = "conversation.assigned";
    public const string ConversationStatusChanged = "conversation.status_changed";

    /// <summary>Every event, in the order the registration form offers them.</summary>
    public static IReadOnlyList<WebhookEventType> All { get; } =
    [
        new(MessageCreated, "A message was posted", false),
        new(MessageEdited, "A message was edited", false),
        new(MessageDeleted, "A message was deleted", false),
        new(ConversationCreated, "A conversation was started", false),
        new(ConversationAssigned, "A conversation was assigned or unassigned", true),
        new(ConversationStatusChanged, "A conversation's inbox status changed", true),
    ];

    /// <summary>What Slack and Teams channels hear of: new messages and assignments.</summary>
    public static IReadOnlyList<string> ChatEvents { get; } = [MessageCreated, ConversationAssigned];

    public static bool IsKnown(string name) => All.Any(e => e.Name == name);

    public static bool IsInternalOnly(string name) => All.Any(e => e.Name == name && e.InternalOnly);
}
