using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Messages;
using Messaging.Tests.Infrastructure;
using Messaging.Web.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Messaging.Tests.Notifications;

/// <summary>
/// The portal with a clock the tests move, a real SMTP server of its own, and the background email
/// loop off: tests run the dispatcher themselves (<see cref="DispatchAsync"/>), so no test waits.
/// </summary>
public class NotificationFactory : PortalFactory
{
    public const string InboundSecret = "test-inbound-secret";
    public const int MaxPerHour = 5;

    /// <summary>Starts at the real time, so sign-in cookies stay valid; only <c>Advance</c> moves it.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public SmtpSink Mail { get; } = new();

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Messaging:Scheduling:Enabled", "false");
        builder.UseSetting("Messaging:Notifications:Dispatch:Enabled", "false");
        builder.UseSetting("Messaging:Notifications:ReplySecret", "test-reply-secret");
        builder.UseSetting("Messaging:Notifications:MaxEmailsPerHour", MaxPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Messaging:Notifications:Inbound:Secret", InboundSecret);
        builder.UseSetting("Messaging:Notifications:Inbound:MaxBytes", "65536");
        builder.UseSetting("Messaging:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Messaging:Smtp:Port", Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Messaging:Smtp:TimeoutSeconds", "5");
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>One dispatcher pass, as the background loop runs it.</summary>
    public Task<int> DispatchAsync() => EmailDispatcher.RunOnceAsync(Services.GetRequiredService<IServiceScopeFactory>(), CancellationToken.None);

    /// <summary>Sends a message as the demo account, through the same use case the reply form calls.</summary>
    public async Task<long> SendAsync(string email, long conversationId, string body, MessageVisibility visibility = MessageVisibility.Everyone, MessagePriority priority = MessagePriority.Normal)
    {
        await using var scope = Services.CreateAsyncScope();
        var userId = await Database.ScalarAsync<Guid>($"SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = '{email}'");
        var me = await scope.ServiceProvider.GetRequiredService<LoadCurrentMember>().HandleAsync(userId, CancellationToken.None);
        var result = await scope.ServiceProvider.GetRequiredService<SendMessage>()
            .HandleAsync(me!, new SendMessageCommand(conversationId, body, Guid.NewGuid(), visibility) { Priority = priority }, CancellationToken.None);
        Assert.True(result.Failure == FailureKind.None, result.Error);
        return result.Value;
    }

    /// <summary>Posts to the inbound-mail webhook, signed like the mail provider signs.</summary>
    public async Task<HttpResponseMessage> PostInboundAsync(object mail, string? signature = null)
    {
        using var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = BaseAddress });
        var body = JsonSerializer.SerializeToUtf8Bytes(mail);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.Add(InboundEmailEndpoint.SignatureHeader, signature ?? InboundEmailEndpoint.Sign(InboundSecret, body));
        return await client.PostAsync(new Uri("/inbound/email", UriKind.Relative), content);
    }

    /// <summary>Posts a raw mail (<c>message/rfc822</c>) to the inbound-mail webhook, signed like the mail provider signs.</summary>
    public async Task<HttpResponseMessage> PostInboundMimeAsync(byte[] raw, string? signature = null)
    {
        using var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = BaseAddress });
        using var content = new ByteArrayContent(raw);
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        content.Headers.Add(InboundEmailEndpoint.SignatureHeader, signature ?? InboundEmailEndpoint.Sign(InboundSecret, raw));
        return await client.PostAsync(new Uri("/inbound/email", UriKind.Relative), content);
    }

    /// <summary>
    /// A clean slate for a test: every setting and mute back to default, what is pending sent, and the
    /// clock two hours on (so the hourly cap starts empty). Returns how many mails the server has, to read only the new ones.
    /// </summary>
    public async Task<int> FreshStartAsync()
    {
        await Database.ExecuteAsync("DELETE FROM notification_settings; UPDATE conversation_participants SET is_muted = false");
        Clock.Advance(TimeSpan.FromDays(2));
        await DispatchAsync();
        await Database.ExecuteAsync("UPDATE email_outbox SET status = 'Skipped' WHERE status IN ('Pending', 'Sending')");
        Clock.Advance(TimeSpan.FromHours(2));
        return Mail.All().Count;
    }

    /// <summary>Mails to <paramref name="to"/> since the mark, without the staff's daily activity digests (which arrive whenever a test's clock passes the digest hour).</summary>
    public IReadOnlyList<ReceivedMail> MailSince(int mark, string to) => Mail.All().Skip(mark).Where(m => m.To == to && !IsActivityDigest(m)).ToList();

    public IReadOnlyList<ReceivedMail> DigestsSince(int mark, string to) => Mail.All().Skip(mark).Where(m => m.To == to && IsActivityDigest(m)).ToList();

    private static bool IsActivityDigest(ReceivedMail mail) => mail.Subject.StartsWith("Daily portal activity", StringComparison.Ordinal);

    public override async ValueTask DisposeAsync()
    {
        Mail.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

internal static class OutboxDebug
{
    public static Task<string> DumpAsync(this TestDatabase db) =>
        db.ScalarAsync<string>("SELECT coalesce(string_agg(id || ' r' || recipient_member_id || ' c' || coalesce(conversation_id, 0) || ' ' || kind || ' ' || status || ' a' || attempts || ' f' || coalesce(first_message_id,0) || ' due ' || due_at || ' err ' || coalesce(last_error, '-'), E'\n' ORDER BY id), '') FROM email_outbox");
}
