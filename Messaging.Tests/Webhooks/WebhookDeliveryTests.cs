using System.Net;
using System.Text.Json;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Messaging.Core.Webhooks;
using Messaging.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Tests.Webhooks;

/// <summary>Webhook deliveries from event to receiver: signed, filtered, retried, given up on, refused, timed out, resent.</summary>
public sealed class WebhookDeliveryTests(WebhookFactory factory) : IClassFixture<WebhookFactory>
{
    private const string Subject = "Spring campaign kickoff";

    [Fact]
    public async Task AMessageIsDeliveredWithASignatureTheReceiverCanVerify()
    {
        await factory.ClearWebhooksAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var hook = await factory.RegisterAsync(receiver.Url());
        var conversation = await factory.Database.ConversationIdAsync(Subject);

        var messageId = await factory.SendAsync(Demo.Client, conversation, "Where are the **drafts**?");
        Assert.Empty(receiver.Received); // nothing is sent from the request path
        Assert.Equal(1, await factory.DeliverAsync());

        var got = Assert.Single(receiver.Received);
        var id = got.Header(WebhookSignature.IdHeader)!;
        var timestamp = long.Parse(got.Header(WebhookSignature.TimestampHeader)!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("application/json", got.Header("Content-Type"), StringComparison.Ordinal);
        Assert.True(WebhookSignature.Verify(hook.Secret, id, timestamp, got.Body, got.Header(WebhookSignature.SignatureHeader)));
        Assert.False(WebhookSignature.Verify(hook.Secret, id, timestamp, got.Body + " ", got.Header(WebhookSignature.SignatureHeader)));
        Assert.Equal(IndependentSignature(hook.Secret, $"{id}.{timestamp}.{got.Body}"), got.Header(WebhookSignature.SignatureHeader));

        using var json = JsonDocument.Parse(got.Body);
        Assert.Equal(id, json.RootElement.GetProperty("id").GetString());
        Assert.Equal("message.created", json.RootElement.GetProperty("type").GetString());
        var message = json.RootElement.GetProperty("data").GetProperty("message");
        Assert.Equal(messageId, message.GetProperty("id").GetInt64());
        Assert.Equal("Where are the **drafts**?", message.GetProperty("body").GetString());
        Assert.Equal("client", message.GetProperty("author").GetProperty("kind").GetString());
        Assert.Equal($"https://portal.example/staff/messages/{conversation}", json.RootElement.GetProperty("data").GetProperty("conversation").GetProperty("url").GetString());
        Assert.Equal("Delivered", await factory.DeliveryStatusAsync(hook.Id));
    }

    [Fact]
    public async Task AnInternalNoteReachesOnlyAWebhookMarkedInternal()
    {
        await factory.ClearWebhooksAsync();
        await using var outside = await WebhookReceiver.StartAsync();
        await using var inside = await WebhookReceiver.StartAsync();
        await factory.RegisterAsync(outside.Url(), includeInternal: false, WebhookEvents.MessageCreated, WebhookEvents.MessageEdited);
        await factory.RegisterAsync(inside.Url(), includeInternal: true, WebhookEvents.MessageCreated);
        var conversation = await factory.Database.ConversationIdAsync(Subject);

        await factory.SendAsync(Demo.Staff, conversation, "Internal: the client is late paying", MessageVisibility.StaffOnly);
        await factory.SendAsync(Demo.Staff, conversation, "Public answer");
        await factory.DeliverAsync();

        Assert.Single(outside.Received);
        Assert.DoesNotContain(outside.Received, r => r.Body.Contains("late paying", StringComparison.Ordinal));
        Assert.Contains("Public answer", outside.Received[0].Body, StringComparison.Ordinal);
        Assert.Equal(2, inside.Received.Count);
        Assert.Contains(inside.Received, r => r.Body.Contains("late paying", StringComparison.Ordinal) && r.Body.Contains("\"visibility\":\"internal\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFailedDeliveryIsRetriedAfterABackoffWithTheSameIdAndThenSucceeds()
    {
        await factory.ClearWebhooksAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (n, c) => { c.Response.StatusCode = n == 0 ? 500 : 204; return Task.CompletedTask; };
        var hook = await factory.RegisterAsync(receiver.Url());
        var conversation = await factory.Database.ConversationIdAsync(Subject);
        await factory.SendAsync(Demo.Client, conversation, "Retry me");

        Assert.Equal(1, await factory.DeliverAsync());
        Assert.Equal("Pending", await factory.DeliveryStatusAsync(hook.Id));
        Assert.Equal(500, await factory.Database.ScalarAsync<int>($"SELECT last_status_code FROM webhook_deliveries WHERE webhook_id = {hook.Id}"));
        Assert.Equal(0, await factory.DeliverAsync()); // not due yet: the first retry waits 30 seconds
        factory.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await factory.DeliverAsync());
        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await factory.DeliverAsync());

        Assert.Equal(2, receiver.Received.Count);
        Assert.Equal(receiver.Received[0].Header(WebhookSignature.IdHeader), receiver.Received[1].Header(WebhookSignature.IdHeader));
        Assert.Equal("Delivered", await factory.DeliveryStatusAsync(hook.Id));
        Assert.Equal("500,204", await factory.Database.ScalarAsync<string>(
            $"SELECT string_agg(a.status_code::text, ',' ORDER BY a.id) FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.webhook_id = {hook.Id}"));
    }

    [Fact]
    public async Task AWebhookThatFailsFor24HoursIsDisabledAndTheAdminsAreEmailed()
    {
        await factory.ClearWebhooksAsync();
        var mark = await factory.FreshStartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (_, c) => { c.Response.StatusCode = 503; return Task.CompletedTask; };
        var hook = await factory.RegisterAsync(receiver.Url());
        var conversation = await factory.Database.ConversationIdAsync(Subject);
        await factory.SendAsync(Demo.Client, conversation, "Nobody is listening");
        var start = factory.Clock.GetUtcNow();

        // PostgreSQL keeps microseconds, the clock 100-nanosecond ticks: the delays are measured from the stored times.
        var delays = new List<TimeSpan>();
        var last = new DateTimeOffset(start.Ticks - (start.Ticks % 10), TimeSpan.Zero);
        for (var i = 0; i < 100 && await factory.DeliveryStatusAsync(hook.Id) != "Failed"; i++)
        {
            await factory.DeliverAsync();
            var due = await factory.Database.ScalarAsync<DateTime>($"SELECT due_at FROM webhook_deliveries WHERE webhook_id = {hook.Id}");
            var dueAt = new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc));
            if (dueAt > factory.Clock.GetUtcNow())
            {
                delays.Add(dueAt - last);
                last = dueAt;
                factory.Clock.Advance(dueAt - factory.Clock.GetUtcNow());
            }
        }

        Assert.Equal("Failed", await factory.DeliveryStatusAsync(hook.Id));
        Assert.True(factory.Clock.GetUtcNow() - start >= TimeSpan.FromHours(20), $"gave up after {factory.Clock.GetUtcNow() - start}");
        Assert.True(factory.Clock.GetUtcNow() - start <= TimeSpan.FromHours(24.1), $"tried until {factory.Clock.GetUtcNow() - start}");
        Assert.Equal(TimeSpan.FromSeconds(30), delays[0]);
        Assert.Equal(TimeSpan.FromSeconds(60), delays[1]);
        Assert.Equal(TimeSpan.FromSeconds(120), delays[2]);
        Assert.Equal(receiver.Received.Count, await factory.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.webhook_id = {hook.Id}"));
        Assert.False(await factory.Database.ScalarAsync<bool>($"SELECT enabled FROM webhooks WHERE id = {hook.Id}"));

        // A new message sends nothing to a disabled webhook; the Admins hear of it by email, once.
        var before = receiver.Received.Count;
        await factory.SendAsync(Demo.Client, conversation, "Still nobody?");
        await factory.DeliverAsync();
        Assert.Equal(before, receiver.Received.Count);
        await factory.DispatchAsync();
        var mail = Assert.Single(factory.MailSince(mark, Demo.Admin), m => m.Subject.Contains("disabled", StringComparison.Ordinal));
        Assert.Contains(receiver.Url().ToString(), mail.Text, StringComparison.Ordinal);
        Assert.Contains($"/admin/webhooks/{hook.Id}", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.MailSince(mark, Demo.Staff), m => m.Subject.Contains("disabled", StringComparison.Ordinal));

        // The Admins see why on the list and on the log.
        using var admin = await factory.SignInAsync(Demo.Admin);
        var row = Assert.Single((await admin.GetPageAsync("/admin/webhooks")).QuerySelectorAll("[data-testid=webhook-row]"));
        Assert.Equal("false", row.GetAttribute("data-enabled"));
        var reason = row.QuerySelector("[data-testid=webhook-disabled-reason]")!.TextContent;
        Assert.Contains("every try for 24 hours failed", reason, StringComparison.Ordinal);
        Assert.Contains("503", reason, StringComparison.Ordinal);
        var log = await admin.GetPageAsync($"/admin/webhooks/{hook.Id}");
        Assert.Equal(reason, log.QuerySelector("[data-testid=webhook-disabled-reason]")!.TextContent);
        Assert.Equal("failed", log.QuerySelectorAll("[data-testid=webhook-delivery]")[^1].GetAttribute("data-status"));
    }

    [Fact]
    public async Task DispatchersRunningAtOnceSendEachDeliveryOnce()
    {
        await factory.ClearWebhooksAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = async (_, c) => { await Task.Delay(100, c.RequestAborted); c.Response.StatusCode = 200; };
        var hook = await factory.RegisterAsync(receiver.Url());
        var conversation = await factory.Database.ConversationIdAsync(Subject);
        const int Count = 8;
        for (var i = 0; i < Count; i++)
        {
            await factory.SendAsync(Demo.Client, conversation, $"Burst {i}");
        }

        var passes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(factory.DeliverAsync)));
        var rest = await factory.DeliverAsync(); // a pass that lost a race for its row ends early; what it left is sent now

        Assert.True(passes.Count(p => p > 0) >= 2, $"the passes did not overlap: {string.Join(",", passes)}");
        Assert.Equal(Count, passes.Sum() + rest);
        Assert.Equal(Count, receiver.Received.Count);
        Assert.Equal(Count, receiver.Received.Select(r => r.Header(WebhookSignature.IdHeader)).Distinct().Count());
        Assert.Equal(string.Join(',', Enumerable.Repeat("Delivered", Count)), await factory.DeliveryStatusAsync(hook.Id));
        Assert.Equal(Count, await factory.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.webhook_id = {hook.Id}"));
    }

    [Fact]
    public async Task ADeliveryIsWrittenInTheTransactionOfItsEventAndRolledBackWithIt()
    {
        await factory.ClearWebhooksAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var conversation = await factory.Database.ConversationIdAsync(Subject);
        var client = await factory.MemberAsync(Demo.Client);
        long messageId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var sent = await scope.ServiceProvider.GetRequiredService<SendMessage>()
                .HandleAsync(client, new SendMessageCommand(conversation, "Before the edit", Guid.NewGuid(), MessageVisibility.Everyone), CancellationToken.None);
            Assert.True(sent.Succeeded, sent.Error);
            messageId = sent.Value;
        }

        // Registered after the send, for edits only: the edit below is the only thing that can queue a delivery.
        await factory.RegisterAsync(receiver.Url(), false, WebhookEvents.MessageEdited);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var edited = await scope.ServiceProvider.GetRequiredService<EditMessage>()
                .HandleAsync(client, new EditMessageCommand(messageId, "Never committed"), CancellationToken.None);
            Assert.True(edited.Succeeded, edited.Error);
            Assert.Equal(1, await db.WebhookDeliveries.CountAsync(d => d.Body.Contains("Never committed")));
            await tx.RollbackAsync();
        }

        Assert.Equal(0, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM webhook_deliveries"));
        Assert.Equal(0, await factory.DeliverAsync());
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task APrivateAddressIsRefusedAtRegistrationAndAtConnectTime()
    {
        await factory.ClearWebhooksAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var register = scope.ServiceProvider.GetRequiredService<RegisterWebhook>();
        var admin = await factory.MemberAsync(Demo.Admin);
        foreach (var url in new[] { "http://10.1.2.3/hook", "http://192.168.1.10/", "http://169.254.169.254/latest/meta-data", "http://[fd00::1]/", "http://[::ffff:10.0.0.1]/", "ftp://example.com/" })
        {
            var result = await register.HandleAsync(admin, new RegisterWebhookCommand(url, [WebhookEvents.MessageCreated], false), CancellationToken.None);
            Assert.Equal(RegisterWebhook.UrlField, result.Field);
        }

        Assert.Equal(0, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM webhooks"));

        // Stored before the rules (or resolving elsewhere since): refused when the connection is made, and the try says why.
        var hookId = await factory.Database.ScalarAsync<long>("""
            INSERT INTO webhooks (workspace_id, format, url, events, include_internal, protected_secret, enabled, created_by_member_id, created_at)
            SELECT id, 'Teams', 'http://10.1.2.3:9/hook', 'message.created', false, '', true, 0, now() FROM workspaces ORDER BY id LIMIT 1 RETURNING id
            """);
        await factory.SendAsync(Demo.Client, await factory.Database.ConversationIdAsync(Subject), "To a private address?");
        await factory.DeliverAsync();
        var error = await factory.Database.ScalarAsync<string>($"SELECT last_error FROM webhook_deliveries WHERE webhook_id = {hookId}");
        Assert.Contains("Refused to connect", error, StringComparison.Ordinal);
        Assert.Contains("private", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARedirectIsFollowedOnlyToAnAddressTheRulesAllow()
    {
        await factory.ClearWebhooksAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (_, c) =>
        {
            c.Response.StatusCode = c.Request.Path == "/to-private" ? 307 : c.Request.Path == "/to-loopback" ? 308 : 200;
            if (c.Response.StatusCode != 200)
            {
                c.Response.Headers.Location = c.Request.Path == "/to-private" ? "http://10.1.2.3:9/steal" : "/final";
            }

            return Task.CompletedTask;
        };
        var toPrivate = await factory.RegisterAsync(receiver.Url("/to-private"));
        var toLoopback = await factory.RegisterAsync(receiver.Url("/to-loopback"));
        await factory.SendAsync(Demo.Client, await factory.Database.ConversationIdAsync(Subject), "Follow me");
        await factory.DeliverAsync();

        Assert.Equal("Pending", await factory.DeliveryStatusAsync(toPrivate.Id));
        var error = await factory.Database.ScalarAsync<string>($"SELECT last_error FROM webhook_deliveries WHERE webhook_id = {toPrivate.Id}");
        Assert.Contains("Refused to connect to 10.1.2.3", error, StringComparison.Ordinal);
        Assert.Equal("Delivered", await factory.DeliveryStatusAsync(toLoopback.Id));
        Assert.Contains(receiver.Received, r => r.Path == "/final");
        Assert.DoesNotContain(receiver.Received, r => r.Path == "/steal");
    }

    [Fact]
    public async Task AReceiverThatDoesNotAnswerInTimeCountsAsAFailure()
    {
        await factory.ClearWebhooksAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = async (_, c) => await Task.Delay(TimeSpan.FromSeconds(WebhookFactory.TimeoutSeconds + 3), c.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        var hook = await factory.RegisterAsync(receiver.Url());
        await factory.SendAsync(Demo.Client, await factory.Database.ConversationIdAsync(Subject), "Slow receiver");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await factory.DeliverAsync();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(WebhookFactory.TimeoutSeconds + 2), $"took {watch.Elapsed}");
        Assert.Equal("Pending", await factory.DeliveryStatusAsync(hook.Id));
        Assert.Contains("Timed out", await factory.Database.ScalarAsync<string>($"SELECT last_error FROM webhook_deliveries WHERE webhook_id = {hook.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminResendsADeliveryFromTheLog()
    {
        await factory.ClearWebhooksAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var hook = await factory.RegisterAsync(receiver.Url());
        await factory.SendAsync(Demo.Client, await factory.Database.ConversationIdAsync(Subject), "Send me twice");
        await factory.DeliverAsync();
        var deliveryId = await factory.Database.ScalarAsync<long>($"SELECT id FROM webhook_deliveries WHERE webhook_id = {hook.Id}");

        using var admin = await factory.SignInAsync(Demo.Admin);
        var log = await admin.GetPageAsync($"/admin/webhooks/{hook.Id}");
        var row = Assert.Single(log.QuerySelectorAll("[data-testid=webhook-delivery]"));
        Assert.Equal("delivered", row.GetAttribute("data-status"));
        Assert.Equal("200", row.GetAttribute("data-status-code"));

        var resent = await admin.PostFormAsync($"/admin/webhooks/{hook.Id}", $"/admin/webhooks/{hook.Id}?handler=Resend", new() { ["deliveryId"] = deliveryId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Equal("Pending", await factory.DeliveryStatusAsync(hook.Id));
        await factory.DeliverAsync();

        Assert.Equal(2, receiver.Received.Count);
        Assert.Equal(receiver.Received[0].Body, receiver.Received[1].Body);
        Assert.Equal(receiver.Received[0].Header(WebhookSignature.IdHeader), receiver.Received[1].Header(WebhookSignature.IdHeader));
        Assert.Equal(2, (await admin.GetPageAsync($"/admin/webhooks/{hook.Id}")).QuerySelectorAll("[data-testid=webhook-delivery] li").Length);

        // Another member's client cannot resend (the admin area is Admins only).
        using var staff = await factory.SignInAsync(Demo.Manager);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/admin/webhooks/{hook.Id}")).StatusCode);
    }

    /// <summary>The receiver's side of the recipe in docs/webhooks.md, written without our helper.</summary>
    private static string IndependentSignature(string secret, string signed) =>
        "v1=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), System.Text.Encoding.UTF8.GetBytes(signed)));
}
