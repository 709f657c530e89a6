namespace Messaging.Core.Webhooks;

public enum WebhookDeliveryStatus
{
    /// <summary>Waiting until <see cref="WebhookDelivery.DueAt"/> (the first try, or the next after a failure).</summary>
    Pending,

    /// <summary>Claimed by a dispatcher; taken over when the claim goes stale (a crash sends it again, with the same id).</summary>
    Sending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Given up: every try for 24 hours failed, or its webhook was disabled. An Admin may resend it.</summary>
    Failed,
}

/// <summary>
/// One event for one webhook: written in the same transaction as what it announces, with its body as it is sent
/// (built then, so a later edit does not change what an earlier event said). Its <see cref="EventId"/> is the
/// <c>Webhook-Id</c> header, the same on every try and on a resend, so receivers can drop duplicates.
/// </summary>
public sealed class WebhookDelivery
{
    public const int MaxEventTypeLength = 50;
    public const int MaxErrorLength = 500;

    public long Id { get; set; }

    public long WebhookId { get; set; }

    public Webhook? Webhook { get; set; }

    public Guid EventId { get; set; }

    public required string EventType { get; set; }

    public required string Body { get; set; }

    public WebhookDeliveryStatus Status { get; set; }

    /// <summary>Failed tries since it was created or resent; the next delay grows with it.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset DueAt { get; set; }

    /// <summary>No try is scheduled after this (24 hours after it was created or resent).</summary>
    public DateTimeOffset GiveUpAt { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public List<WebhookAttempt> AttemptLog { get; set; } = [];
}
