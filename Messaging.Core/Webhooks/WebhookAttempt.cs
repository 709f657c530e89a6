namespace Messaging.Core.Webhooks;

/// <summary>One try of a delivery, as the delivery log shows it: when, the status code (null: no answer) and what went wrong.</summary>
public sealed class WebhookAttempt
{
    public long Id { get; set; }

    public long DeliveryId { get; set; }

    public DateTimeOffset AttemptedAt { get; set; }

    public int? StatusCode { get; set; }

    public string? Error { get; set; }

    public int DurationMs { get; set; }
}
