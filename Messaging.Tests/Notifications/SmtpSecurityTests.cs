using MailKit.Security;
using Messaging.Core.Email;
using Messaging.Core.Notifications;
using Messaging.Tests.Infrastructure;
using Messaging.Web.Notifications;
using Microsoft.Extensions.Options;

namespace Messaging.Tests.Notifications;

/// <summary>
/// The MailKit sender against real SMTP servers (scripts/smtp_sink.py) that require STARTTLS and authentication,
/// or speak TLS from the first byte: the mail arrives encrypted and authenticated with our Message-ID; a wrong
/// password, a refused downgrade or an unpinned certificate make the send throw (the outbox then retries).
/// </summary>
public sealed class SmtpSecurityTests : IDisposable
{
    private const string User = "portal";
    private const string Password = "s3cret-pass";

    private readonly TestCertificate certificate = new();

    private static OutgoingEmail Email() =>
        new("client@demo.local", "Hello", "A message for you", $"<notification-{Random.Shared.Next(1, int.MaxValue)}@portal.local>") { ReplyTo = "reply+1.2.3.abc@portal.local" };

    private static SmtpEmailSender Sender(SmtpSink sink, MailSecurity security, string? password = Password, string? pin = null) =>
        new(Options.Create(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = sink.Port,
            Security = security,
            UserName = User,
            Password = password,
            TrustedCertificateSha256 = pin,
            TimeoutSeconds = 10,
        }), Options.Create(new NotificationOptions()), TimeProvider.System);

    private SmtpSink StartTlsSink() => new("--cert", certificate.CertPath, "--key", certificate.KeyPath, "--user", User, "--password", Password);

    [Fact]
    public async Task StartTlsWithAuthenticationDeliversTheMailEncryptedAndAuthenticatedWithOurMessageId()
    {
        using var sink = StartTlsSink();
        var email = Email();

        await Sender(sink, MailSecurity.StartTls, pin: certificate.Sha256).SendAsync(email, CancellationToken.None);

        var mail = Assert.Single(sink.All());
        Assert.True(mail.Tls);
        Assert.Equal(User, mail.Login);
        Assert.Equal(email.MessageId, mail.Header("Message-ID"));
        Assert.Equal("auto-generated", mail.Header("Auto-Submitted"));
        Assert.Equal(email.ReplyTo, mail.Header("Reply-To"));
        Assert.Equal("A message for you", mail.Text.Trim());
    }

    [Fact]
    public async Task TlsOnConnectWithAuthenticationDeliversTheMail()
    {
        using var sink = new SmtpSink("--cert", certificate.CertPath, "--key", certificate.KeyPath, "--implicit-tls", "--user", User, "--password", Password);

        await Sender(sink, MailSecurity.Tls, pin: certificate.Sha256).SendAsync(Email(), CancellationToken.None);

        var mail = Assert.Single(sink.All());
        Assert.True(mail.Tls);
        Assert.Equal(User, mail.Login);
    }

    [Fact]
    public async Task AWrongPasswordAPlainSessionAndAnUnpinnedCertificateAreRefusedAndNothingIsDelivered()
    {
        using var sink = StartTlsSink();

        await Assert.ThrowsAsync<AuthenticationException>(() => Sender(sink, MailSecurity.StartTls, password: "wrong", pin: certificate.Sha256).SendAsync(Email(), CancellationToken.None));
        await Assert.ThrowsAsync<NotSupportedException>(() => Sender(sink, MailSecurity.None, pin: certificate.Sha256).SendAsync(Email(), CancellationToken.None));
        await Assert.ThrowsAsync<SslHandshakeException>(() => Sender(sink, MailSecurity.StartTls).SendAsync(Email(), CancellationToken.None));
        await Assert.ThrowsAsync<SslHandshakeException>(() => Sender(sink, MailSecurity.StartTls, pin: new string('0', 64)).SendAsync(Email(), CancellationToken.None));

        Assert.Empty(sink.All());
    }

    public void Dispose() => certificate.Dispose();
}
