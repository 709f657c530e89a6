namespace Messaging.Core.Notifications;

/// <summary>One email as the dispatcher hands it to the mail server. Every one is marked automatic (<c>Auto-Submitted</c>).</summary>
public sealed record OutgoingEmail(string To, string Subject, string TextBody, string MessageId)
{
    /// <summary>The signed reply address, when a reply may be posted to a thread.</summary>
    public string? ReplyTo { get; init; }
}

/// <summary>The port to the mail server (SMTP in the web host). Throws when the message was not accepted; the outbox then retries.</summary>
public interface IEmailSender
{
    Task SendAsync(OutgoingEmail email, CancellationToken ct);
}
