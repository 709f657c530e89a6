using System.Security.Cryptography;
using Messaging.Core.Notifications;

namespace Messaging.Web.Notifications;

/// <summary>What issue 7's notifications add to the host: options, the SMTP sender, the reply tokens, the outbox dispatcher and the inbound-mail webhook.</summary>
public static class NotificationServices
{
    public static IServiceCollection AddPortalNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section)).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure(o =>
            {
                // Without a configured key, reply addresses work until the next start (older ones then get the "expired" bounce path: not posted).
                if (string.IsNullOrEmpty(o.ReplySecret))
                {
                    o.ReplySecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
                }
            });
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EmailDispatchOptions>().Bind(configuration.GetSection(EmailDispatchOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<InboundEmailOptions>().Bind(configuration.GetSection(InboundEmailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReplyTokens>();
        services.AddSingleton<Core.Notifications.IEmailSender, SmtpEmailSender>();
        services.AddHostedService<EmailDispatcher>();

        // Email as a channel (issue 23): the workspaces' IMAP mailboxes, polled; passwords under Data Protection.
        services.AddOptions<Core.Email.EmailChannelOptions>().Bind(configuration.GetSection(Core.Email.EmailChannelOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ImapPollOptions>().Bind(configuration.GetSection(ImapPollOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Core.Email.ISecretProtector, DataProtectionSecretProtector>();
        services.AddHostedService<ImapMailboxPoller>();
        return services;
    }
}
