namespace Messaging.Core.Webhooks;

/// <summary>What a webhook's deliveries look like: our signed JSON events, or a chat app's incoming-webhook message.</summary>
public enum WebhookFormat
{
    /// <summary>Our JSON event, signed with the webhook's secret (docs/webhooks.md).</summary>
    Standard,

    /// <summary>A Slack incoming webhook: <c>{"text": ..., "blocks": [...]}</c>.</summary>
    Slack,

    /// <summary>A Microsoft Teams incoming webhook (Workflows): a message with an Adaptive Card.</summary>
    Teams,
}

/// <summary>
/// A URL the workspace's Admins registered to be told of events. Standard webhooks choose their events and carry a
/// secret (stored protected, shown once); Slack and Teams channels get new-message and assignment notices, for the
/// whole workspace or one project. A webhook whose deliveries keep failing is disabled, with the reason.
/// </summary>
public sealed class Webhook
{
    public const int MaxUrlLength = 2000;
    public const int MaxEventsLength = 500;
    public const int MaxReasonLength = 500;

    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    /// <summary>Chat channels only: the project whose conversations it hears of (null: every conversation).</summary>
    public long? ProjectId { get; set; }

    public WebhookFormat Format { get; set; }

    public required string Url { get; set; }

    /// <summary>The event names it is sent (<see cref="WebhookEvents"/>), comma-separated.</summary>
    public required string Events { get; set; }

    /// <summary>Marked internal: its payloads may carry internal notes (staff-only messages). Never for chat channels.</summary>
    public bool IncludeInternal { get; set; }

    /// <summary>The signing secret, protected by <see cref="Email.ISecretProtector"/>; empty for chat channels.</summary>
    public string ProtectedSecret { get; set; } = "";

    public bool Enabled { get; set; } = true;

    public string? DisabledReason { get; set; }

    public DateTimeOffset? DisabledAt { get; set; }

    public long CreatedByMemberId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public IReadOnlyList<string> EventList => Events.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
