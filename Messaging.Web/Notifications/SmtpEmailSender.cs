using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Mail;
using System.Text;
using Messaging.Core.Notifications;
using Microsoft.Extensions.Options;

namespace Messaging.Web.Notifications;

/// <summary>The mail server (<c>Messaging:Smtp</c>): host, port, TLS and credentials.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Messaging:Smtp";

    [Required]
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>STARTTLS / TLS to the server.</summary>
    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>
/// <see cref="IEmailSender"/> over <see cref="SmtpClient"/> (MailKit does not restore here). Every mail is
/// marked automatic (<c>Auto-Submitted: auto-generated</c>, auto-replies suppressed) and carries the
/// Message-ID the outbox gave it.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> smtp, IOptions<NotificationOptions> notifications) : Core.Notifications.IEmailSender
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(email);
        var o = smtp.Value;
        using var message = new MailMessage(notifications.Value.FromAddress, email.To)
        {
            Subject = email.Subject,
            Body = email.TextBody,
            BodyEncoding = Encoding.UTF8,
            SubjectEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        message.Headers.Add("Message-ID", email.MessageId);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        if (email.ReplyTo is not null)
        {
            message.ReplyToList.Add(email.ReplyTo);
        }

        using var client = new SmtpClient(o.Host, o.Port)
        {
            EnableSsl = o.EnableSsl,
            Timeout = o.TimeoutSeconds * 1000,
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (!string.IsNullOrEmpty(o.UserName))
        {
            client.Credentials = new NetworkCredential(o.UserName, o.Password);
        }

        await client.SendMailAsync(message, ct);
    }
}
