using System.ComponentModel.DataAnnotations;
using MailKit.Net.Smtp;
using MailKit.Security;
using Messaging.Core.Email;
using Messaging.Core.Notifications;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Messaging.Web.Notifications;

/// <summary>The mail server (<c>Messaging:Smtp</c>): host, port, security, credentials.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Messaging:Smtp";

    [Required]
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>None, StartTls, StartTlsWhenAvailable or Tls. Unset: <see cref="EnableSsl"/> decides.</summary>
    public MailSecurity? Security { get; set; }

    /// <summary>Older setting, kept: true means STARTTLS (as System.Net.Mail's EnableSsl did) when <see cref="Security"/> is unset.</summary>
    public bool EnableSsl { get; set; }

    /// <summary>Authenticates (the strongest mechanism both sides offer) when set.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>SHA-256 (hex) of a server certificate to trust although it does not validate (a private server's self-signed one); any other invalid certificate is refused.</summary>
    public string? TrustedCertificateSha256 { get; set; }

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    public MailSecurity EffectiveSecurity => Security ?? (EnableSsl ? MailSecurity.StartTls : MailSecurity.None);
}

/// <summary>
/// <see cref="IEmailSender"/> over MailKit's <see cref="SmtpClient"/>: STARTTLS or TLS and authentication as
/// configured. Every mail is marked automatic (<c>Auto-Submitted: auto-generated</c>, auto-replies
/// suppressed) and carries the Message-ID the outbox gave it.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> smtp, IOptions<NotificationOptions> notifications, TimeProvider clock) : Core.Notifications.IEmailSender
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(email);
        var o = smtp.Value;
        using var message = Compose(email, notifications.Value.FromAddress, clock.GetUtcNow());
        using var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        client.ServerCertificateValidationCallback = MailSockets.Validator(o.TrustedCertificateSha256);

        await client.ConnectAsync(o.Host, o.Port, MailSockets.Options(o.EffectiveSecurity), ct);
        if (!string.IsNullOrEmpty(o.UserName))
        {
            await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    /// <summary>The MIME message of an outgoing email: plain UTF-8 text, our Message-ID, marked automatic.</summary>
    public static MimeMessage Compose(OutgoingEmail email, string from, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(email);
        var message = new MimeMessage
        {
            Subject = email.Subject,
            MessageId = email.MessageId.Trim('<', '>'),
            Date = date,
            Body = new TextPart("plain") { Text = email.TextBody },
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(email.To));
        if (email.ReplyTo is not null)
        {
            message.ReplyTo.Add(MailboxAddress.Parse(email.ReplyTo));
        }

        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        return message;
    }
}

/// <summary>Our security setting as MailKit's socket option, and the certificate check.</summary>
public static class MailSockets
{
    /// <summary>A certificate is accepted when it validates, or when it is exactly the pinned one (by SHA-256).</summary>
    public static System.Net.Security.RemoteCertificateValidationCallback Validator(string? pinnedSha256) => (_, certificate, _, errors) =>
        errors == System.Net.Security.SslPolicyErrors.None
        || (!string.IsNullOrWhiteSpace(pinnedSha256) && certificate is not null
            && string.Equals(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(certificate.GetRawCertData())), pinnedSha256.Replace(":", "", StringComparison.Ordinal).Trim(), StringComparison.OrdinalIgnoreCase));

    public static SecureSocketOptions Options(MailSecurity security) => security switch
    {
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        MailSecurity.Tls => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };
}
