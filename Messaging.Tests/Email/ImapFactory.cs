using System.Globalization;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Messaging.Tests.Infrastructure;
using Messaging.Tests.Notifications;
using Messaging.Web.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Messaging.Tests.Email;

/// <summary>
/// The notification portal plus a real IMAP server of its own (dovecot, <see cref="ImapServer"/>) with STARTTLS and a
/// throwaway mailbox; the poller's loop is off, tests run a pass themselves (<see cref="PollAsync"/>).
/// </summary>
public sealed class ImapFactory : NotificationFactory
{
    public const long MaxMailBytes = 200_000;

    public TestCertificate Certificate { get; } = new();

    public ImapServer Imap { get; }

    public ImapFactory() => Imap = new ImapServer(Certificate);

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.UseSetting("Messaging:Email:Imap:Enabled", "false");
        builder.UseSetting("Messaging:Email:Imap:TrustedCertificateSha256", Certificate.Sha256);
        builder.UseSetting("Messaging:Email:MaxMailBytes", MaxMailBytes.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>One poller pass, as the background loop runs it.</summary>
    public Task<int> PollAsync() => ImapMailboxPoller.RunOnceAsync(Services.GetRequiredService<IServiceScopeFactory>(), CancellationToken.None);

    /// <summary>Delivers mails into the mailbox over IMAP (APPEND), as a mail server's delivery would.</summary>
    public async Task DeliverAsync(IEnumerable<MimeMessage> mails)
    {
        using var client = new ImapClient();
        client.ServerCertificateValidationCallback = MailSockets.Validator(Certificate.Sha256);
        await client.ConnectAsync("127.0.0.1", Imap.Port, SecureSocketOptions.StartTls);
        await client.AuthenticateAsync(Imap.User, Imap.Password);
        await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
        foreach (var mail in mails)
        {
            await client.Inbox.AppendAsync(mail, MessageFlags.None);
        }

        await client.DisconnectAsync(true);
    }

    public Task DeliverAsync(params MimeMessage[] mails) => DeliverAsync(mails.AsEnumerable());

    /// <summary>A mail without a sender, so without anyone to answer it: not readable as a mail for the portal.</summary>
    public static MimeMessage Senderless(string text)
    {
        var message = new MimeMessage { Body = new TextPart("plain") { Text = text } };
        message.Headers.Add("X-Garbage", "\u0001\u0002 not a mail");
        return message;
    }

    public static MimeMessage Compose(string from, string to, string subject, string text, string? inReplyTo = null, params (string Name, byte[] Content)[] files)
    {
        var message = new MimeMessage { Subject = subject, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("mail.example") };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        if (inReplyTo is not null)
        {
            message.InReplyTo = inReplyTo.Trim('<', '>');
        }

        var body = new BodyBuilder { TextBody = text };
        foreach (var (name, content) in files)
        {
            body.Attachments.Add(name, content);
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    public override async ValueTask DisposeAsync()
    {
        Imap.Dispose();
        Certificate.Dispose();
        await base.DisposeAsync();
    }
}
