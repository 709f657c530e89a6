using System.Globalization;
using System.Net;
using Messaging.Core.Webhooks;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Webhooks;

/// <summary>The admin pages: registering (a refused URL says why and stores nothing; the secret is shown once), chat channels, the log, another workspace's ids.</summary>
public sealed class WebhookPagesTests(WebhookFactory factory) : IClassFixture<WebhookFactory>
{
    private const string Subject = "Spring campaign kickoff";

    [Theory]
    [InlineData("ftp://example.com/hook", "Enter a full http:// or https:// address")]
    [InlineData("not a url", "Enter a full http:// or https:// address")]
    [InlineData("https://user:pass@example.com/hook", "Leave the user name and password out")]
    [InlineData("http://10.0.0.5/hook", "10.0.0.5 is a private or link-local address")]
    [InlineData("http://[fe80::1]/hook", "is a private or link-local address")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/hook", "stands for 169.254.169.254")]
    [InlineData("http://0.0.0.0:8080/hook", "is not an address a webhook can be delivered to")]
    public async Task ARefusedUrlIsExplainedOnTheFormAndNothingIsStored(string url, string reason)
    {
        await factory.ClearWebhooksAsync();
        using var admin = await factory.SignInAsync(Demo.Admin);

        var response = await admin.PostFormAsync("/admin/webhooks", "/admin/webhooks?handler=Create", new() { ["Input.Url"] = url, ["Input.Events"] = WebhookEvents.MessageCreated });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(reason, page.QuerySelector("[data-testid=webhook-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(url, page.QuerySelector("[data-testid=webhook-form] input[name='Input.Url']")!.GetAttribute("value")); // kept for correcting
        Assert.Null(page.QuerySelector("[data-testid=webhook-secret]"));
        Assert.Equal(0, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM webhooks"));
    }

    [Fact]
    public async Task AStaffOnlyEventNeedsTheInternalBoxAndNoEventIsRefused()
    {
        await factory.ClearWebhooksAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        using var admin = await factory.SignInAsync(Demo.Admin);

        var assigned = await admin.PostFormAsync("/admin/webhooks", "/admin/webhooks?handler=Create", new() { ["Input.Url"] = receiver.Url().ToString(), ["Input.Events"] = WebhookEvents.ConversationAssigned });
        var none = await admin.PostFormAsync("/admin/webhooks", "/admin/webhooks?handler=Create", new() { ["Input.Url"] = receiver.Url().ToString() });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, assigned.StatusCode);
        Assert.Contains(RegisterWebhook.InternalOnlyRefusal, WebUtility.HtmlDecode(await assigned.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Contains("Choose at least one event", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM webhooks"));

        var internalOne = await admin.PostFormAsync("/admin/webhooks", "/admin/webhooks?handler=Create",
            new() { ["Input.Url"] = receiver.Url().ToString(), ["Input.Events"] = WebhookEvents.ConversationAssigned, ["Input.IncludeInternal"] = "true" });
        Assert.Equal(HttpStatusCode.OK, internalOne.StatusCode);
        Assert.True(await factory.Database.ScalarAsync<bool>("SELECT include_internal FROM webhooks"));
    }

    [Fact]
    public async Task AnAdminRegistersAWebhookAndSeesItsSecretOnceAndTheReceiverVerifiesWithIt()
    {
        await factory.ClearWebhooksAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        using var admin = await factory.SignInAsync(Demo.Admin);

        var response = await admin.PostFormAsync("/admin/webhooks", "/admin/webhooks?handler=Create", new() { ["Input.Url"] = receiver.Url().ToString(), ["Input.Events"] = WebhookEvents.MessageCreated });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        var secret = page.QuerySelector("[data-testid=webhook-secret-value]")!.TextContent;
        Assert.StartsWith(WebhookSignature.SecretPrefix, secret, StringComparison.Ordinal);
        var row = Assert.Single(page.QuerySelectorAll("[data-testid=webhook-row]"));
        Assert.Equal("true", row.GetAttribute("data-enabled"));
        Assert.Contains(receiver.Url().ToString(), row.TextContent, StringComparison.Ordinal);

        // Shown once: not on the list again, and not stored as it is.
        var again = await admin.GetPageAsync("/admin/webhooks");
        Assert.Null(again.QuerySelector("[data-testid=webhook-secret]"));
        Assert.DoesNotContain(secret, again.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(0, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM webhooks WHERE protected_secret LIKE '%{secret[WebhookSignature.SecretPrefix.Length..]}%'"));

        await factory.SendAsync(Demo.Client, await factory.Database.ConversationIdAsync(Subject), "Signed?");
        await factory.DeliverAsync();
        var got = Assert.Single(receiver.Received);
        var timestamp = long.Parse(got.Header(WebhookSignature.TimestampHeader)!, CultureInfo.InvariantCulture);
        Assert.True(WebhookSignature.Verify(secret, got.Header(WebhookSignature.IdHeader)!, timestamp, got.Body, got.Header(WebhookSignature.SignatureHeader)));
        Assert.False(WebhookSignature.Verify(secret, got.Header(WebhookSignature.IdHeader)!, timestamp + 1, got.Body, got.Header(WebhookSignature.SignatureHeader)));
    }

    [Fact]
    public async Task AnAdminAddsASlackChannelOnThePageAndItsUrlIsShownMasked()
    {
        await factory.ClearWebhooksAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        using var admin = await factory.SignInAsync(Demo.Admin);
        var url = receiver.Url("/services/T01/B02/verysecrettoken");

        var refused = await admin.PostFormAsync("/admin/chat", "/admin/chat?handler=Add", new() { ["Input.Format"] = "Slack", ["Input.Url"] = "http://192.168.0.10/services/x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusedPage = PortalClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("192.168.0.10 is a private or link-local address", refusedPage.QuerySelector("[data-testid=chat-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM webhooks"));

        var added = await admin.PostFormAsync("/admin/chat", "/admin/chat?handler=Add",
            new() { ["Input.Format"] = "Slack", ["Input.Url"] = url.ToString(), ["Input.ProjectId"] = (await factory.ProjectIdAsync("Spring Campaign")).ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await admin.GetPageAsync("/admin/chat");
        var row = Assert.Single(page.QuerySelectorAll("[data-testid=chat-channel-row]"));
        Assert.Equal("Slack", row.GetAttribute("data-format"));
        Assert.Contains("Spring Campaign", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("/…oken", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("verysecrettoken", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("verysecrettoken", await factory.Database.ScalarAsync<string>("SELECT coalesce(string_agg(detail, ' '), '') FROM audit_entries"), StringComparison.Ordinal);

        // Disabled by hand, it hears of nothing; enabled again, it does.
        var id = long.Parse(row.GetAttribute("data-webhook-id")!, CultureInfo.InvariantCulture);
        var form = new Dictionary<string, string> { ["webhookId"] = id.ToString(CultureInfo.InvariantCulture) };
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/chat", "/admin/chat?handler=Disable", form)).StatusCode);
        Assert.Equal("false", (await admin.GetPageAsync("/admin/chat")).QuerySelector("[data-testid=chat-channel-row]")!.GetAttribute("data-enabled"));
        await factory.SendAsync(Demo.Client, await factory.Database.ConversationIdAsync(Subject), "Anyone there?");
        await factory.DeliverAsync();
        Assert.Empty(receiver.Received);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/chat", "/admin/chat?handler=Enable", form)).StatusCode);
        await factory.SendAsync(Demo.Client, await factory.Database.ConversationIdAsync(Subject), "Now?");
        await factory.DeliverAsync();
        Assert.Contains("Now?", Assert.Single(receiver.Received).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherWorkspacesWebhookAnswers404AndIsLeftAlone()
    {
        await factory.ClearWebhooksAsync();
        var (_, _, foreignAdmin) = await factory.Database.AddForeignWorkspaceAsync();
        var hook = await factory.Database.ScalarAsync<long>($"""
            INSERT INTO webhooks (workspace_id, format, url, events, include_internal, protected_secret, enabled, created_by_member_id, created_at)
            SELECT workspace_id, 'Standard', 'https://receiver.invalid/hook', 'message.created', false, '', true, id, now() FROM members WHERE id = {foreignAdmin} RETURNING id
            """);
        var delivery = await factory.Database.ScalarAsync<long>($"""
            INSERT INTO webhook_deliveries (webhook_id, event_id, event_type, body, status, attempts, due_at, give_up_at, created_at)
            VALUES ({hook}, gen_random_uuid(), 'message.created', '[]', 'Failed', 3, now(), now(), now()) RETURNING id
            """);
        using var admin = await factory.SignInAsync(Demo.Admin);
        var id = new Dictionary<string, string> { ["webhookId"] = hook.ToString(CultureInfo.InvariantCulture) };

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/webhooks/{hook}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/admin/webhooks", $"/admin/webhooks/{hook}?handler=Resend", new() { ["deliveryId"] = delivery.ToString(CultureInfo.InvariantCulture) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/admin/webhooks", "/admin/webhooks?handler=Disable", id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/admin/webhooks", "/admin/webhooks?handler=Delete", id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/admin/chat", "/admin/chat?handler=Remove", id)).StatusCode);
        Assert.Empty((await admin.GetPageAsync("/admin/webhooks")).QuerySelectorAll("[data-testid=webhook-row]"));
        Assert.Equal("Failed", await factory.DeliveryStatusAsync(hook));
        Assert.True(await factory.Database.ScalarAsync<bool>($"SELECT enabled FROM webhooks WHERE id = {hook}"));
    }
}
