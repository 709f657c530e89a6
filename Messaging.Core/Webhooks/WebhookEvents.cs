namespace Messaging.Core.Webhooks;

/// <summary>The events a webhook may choose, by the name its payloads carry in <c>type</c>. Never rename one that has been sent.</summary>
public static class WebhookEvents
{
    public const string MessageCreated = "message.created";
    public const string MessageEdited = "message.edited";
    public const string MessageDeleted = "message.deleted";
    public const string ConversationCreated = "conversation.created";
    public const string ConversationAssigned = "conversation.assigned";
    public const string ConversationStatusChanged = "conversation.status_changed";

    /// <summary>Every event, in the order the registration form offers them, with what the form says of each.</summary>
    public static IReadOnlyList<(string Name, string Description)> All { get; } =
    [
        (MessageCreated, "A message was posted"),
        (MessageEdited, "A message was edited"),
        (MessageDeleted, "A message was deleted"),
        (ConversationCreated, "A conversation was started"),
        (ConversationAssigned, "A conversation was assigned or unassigned"),
        (ConversationStatusChanged, "A conversation's status changed"),
    ];

    /// <summary>What Slack and Teams channels hear of: new messages and assignments.</summary>
    public static IReadOnlyList<string> ChatEvents { get; } = [MessageCreated, ConversationAssigned];

    public static bool IsKnown(string name) => All.Any(e => e.Name == name);
}
