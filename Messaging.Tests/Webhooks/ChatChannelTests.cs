using System.Text.Json;
using Messaging.Core.Inbox;
using Messaging.Core.Messages;
using Messaging.Core.Webhooks;
using Messaging.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Tests.Webhooks;

/// <summary>Slack and Microsoft Teams channels: each one's incoming-webhook message format, read by a real receiver; never an internal note.</summary>
public sealed class ChatChannelTests(WebhookFactory factory) : IClassFixture<WebhookFactory>
{
    private const string Subject = "Spring campaign kickoff";

    [Fact]
    public async Task ASlackChannelGetsANewMessageAsTextAndBlocksWithALinkBack()
    {
        await factory.ClearWebhooksAsync();
        await using var slack = await WebhookReceiver.StartAsync();
        await factory.AddChannelAsync(WebhookFormat.Slack, slack.Url("/services/T000/B000/secret"));
        var conversation = await factory.Database.ConversationIdAsync(Subject);

        await factory.SendAsync(Demo.Client, conversation, "Drafts by Friday? <!channel> & <https://evil.example|click>");
        Assert.Equal(1, await factory.DeliverAsync());

        var got = Assert.Single(slack.Received);
        Assert.Equal("/services/T000/B000/secret", got.Path);
        Assert.StartsWith("application/json", got.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Null(got.Header(WebhookSignature.SignatureHeader)); // Slack has no secret of ours to check
        var link = $"https://portal.example/staff/messages/{conversation}";
        using var json = JsonDocument.Parse(got.Body);
        var root = json.RootElement;
        Assert.Equal($"New message from Chloe Client in “{Subject}”: <{link}|Open conversation>", root.GetProperty("text").GetString());
        var blocks = root.GetProperty("blocks");
        Assert.Equal(2, blocks.GetArrayLength());
        Assert.Equal("section", blocks[0].GetProperty("type").GetString());
        Assert.Equal("mrkdwn", blocks[0].GetProperty("text").GetProperty("type").GetString());
        var text = blocks[0].GetProperty("text").GetProperty("text").GetString()!;
        Assert.StartsWith($"*New message from Chloe Client in “{Subject}”*\n", text, StringComparison.Ordinal);

        // What the client wrote can mention no one and link nowhere: Slack's control characters arrive escaped.
        Assert.EndsWith("Drafts by Friday? &lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;", text, StringComparison.Ordinal);
        Assert.Equal("actions", blocks[1].GetProperty("type").GetString());
        var button = Assert.Single(blocks[1].GetProperty("elements").EnumerateArray());
        Assert.Equal("button", button.GetProperty("type").GetString());
        Assert.Equal("plain_text", button.GetProperty("text").GetProperty("type").GetString());
        Assert.Equal(link, button.GetProperty("url").GetString());
    }

    [Fact]
    public async Task ATeamsChannelGetsANewMessageAsAnAdaptiveCardWithALinkBack()
    {
        await factory.ClearWebhooksAsync();
        await using var teams = await WebhookReceiver.StartAsync();
        teams.Respond = (_, c) => { c.Response.StatusCode = 202; return Task.CompletedTask; }; // what a Teams workflow answers
        var channel = await factory.AddChannelAsync(WebhookFormat.Teams, teams.Url("/workflows/abc"));
        var conversation = await factory.Database.ConversationIdAsync(Subject);

        await factory.SendAsync(Demo.Staff, conversation, "The drafts are **ready**.");
        await factory.DeliverAsync();

        var got = Assert.Single(teams.Received);
        using var json = JsonDocument.Parse(got.Body);
        Assert.Equal("message", json.RootElement.GetProperty("type").GetString());
        var attachment = Assert.Single(json.RootElement.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.4", card.GetProperty("version").GetString());
        var body = card.GetProperty("body");
        Assert.Equal("TextBlock", body[0].GetProperty("type").GetString());
        Assert.Equal($"New message from Sam Staff in “{Subject}”", body[0].GetProperty("text").GetString());
        Assert.Equal("The drafts are **ready**.", body[1].GetProperty("text").GetString()); // TextBlock reads this Markdown subset itself
        var action = Assert.Single(card.GetProperty("actions").EnumerateArray());
        Assert.Equal("Action.OpenUrl", action.GetProperty("type").GetString());
        Assert.Equal($"https://portal.example/staff/messages/{conversation}", action.GetProperty("url").GetString());
        Assert.Equal("Delivered", await factory.DeliveryStatusAsync(channel));
    }

    [Fact]
    public async Task AnInternalNoteIsNeverPostedToAChatChannel()
    {
        await factory.ClearWebhooksAsync();
        await using var slack = await WebhookReceiver.StartAsync();
        await using var teams = await WebhookReceiver.StartAsync();
        await factory.AddChannelAsync(WebhookFormat.Slack, slack.Url());
        await factory.AddChannelAsync(WebhookFormat.Teams, teams.Url());
        var conversation = await factory.Database.ConversationIdAsync(Subject);

        await factory.SendAsync(Demo.Staff, conversation, "Internal: their budget is nearly gone", MessageVisibility.StaffOnly);
        await factory.SendAsync(Demo.Staff, conversation, "Public: the drafts are ready");
        await factory.DeliverAsync();

        foreach (var receiver in new[] { slack, teams })
        {
            var got = Assert.Single(receiver.Received);
            Assert.Contains("Public: the drafts are ready", got.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("budget", got.Body, StringComparison.Ordinal);
        }

        Assert.Equal(0, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM webhook_deliveries WHERE body LIKE '%budget%'"));
    }

    [Fact]
    public async Task AProjectsChannelHearsOnlyOfThatProjectsConversations()
    {
        await factory.ClearWebhooksAsync();
        await using var spring = await WebhookReceiver.StartAsync();
        await using var launch = await WebhookReceiver.StartAsync();
        await using var all = await WebhookReceiver.StartAsync();
        await factory.AddChannelAsync(WebhookFormat.Slack, spring.Url(), await factory.ProjectIdAsync("Spring Campaign"));
        await factory.AddChannelAsync(WebhookFormat.Slack, launch.Url(), await factory.ProjectIdAsync("Product Launch"));
        await factory.AddChannelAsync(WebhookFormat.Teams, all.Url());

        await factory.SendAsync(Demo.Client, await factory.Database.ConversationIdAsync(Subject), "About the spring campaign");
        await factory.DeliverAsync();

        Assert.Single(spring.Received);
        Assert.Empty(launch.Received);
        Assert.Single(all.Received);
    }

    [Fact]
    public async Task AnAssignmentIsPostedToAChatChannelAndToAnInternalWebhookOnly()
    {
        await factory.ClearWebhooksAsync();
        await using var slack = await WebhookReceiver.StartAsync();
        await using var inside = await WebhookReceiver.StartAsync();
        await using var outside = await WebhookReceiver.StartAsync();
        await factory.AddChannelAsync(WebhookFormat.Slack, slack.Url());
        await factory.RegisterAsync(inside.Url(), includeInternal: true, WebhookEvents.ConversationAssigned, WebhookEvents.MessageCreated);
        await factory.RegisterAsync(outside.Url(), includeInternal: false, WebhookEvents.MessageCreated);
        var conversation = await factory.Database.ConversationIdAsync(Subject);
        await factory.Database.ExecuteAsync($"UPDATE conversations SET assigned_member_id = NULL WHERE id = {conversation}");
        var sam = await factory.MemberIdAsync("Sam Staff");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<AssignConversation>()
                .HandleAsync(await factory.MemberAsync(Demo.Admin), conversation, sam, CancellationToken.None);
            Assert.True(result.Succeeded, result.Error);
        }

        await factory.DeliverAsync();

        using (var json = JsonDocument.Parse(Assert.Single(slack.Received).Body))
        {
            Assert.Equal($"“{Subject}” was assigned to Sam Staff", json.RootElement.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString()!.Split('\n')[0].Trim('*'));
        }

        // The internal webhook hears of the assignment and of its staff-only line; the other of neither.
        Assert.Equal(2, inside.Received.Count);
        Assert.Contains(inside.Received, r => r.Body.Contains("\"type\":\"conversation.assigned\"", StringComparison.Ordinal)
            && r.Body.Contains($"\"assignee\":{{\"member_id\":{sam},\"name\":\"Sam Staff\",\"kind\":\"staff\"}}", StringComparison.Ordinal));
        Assert.Contains(inside.Received, r => r.Body.Contains("\"kind\":\"assigned\"", StringComparison.Ordinal) && r.Body.Contains("\"visibility\":\"internal\"", StringComparison.Ordinal));
        Assert.Empty(outside.Received);
    }

    [Fact]
    public async Task AChatChannelMayNotChooseAStandardFormatOrAPrivateAddressAndNothingIsStored()
    {
        await factory.ClearWebhooksAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var add = scope.ServiceProvider.GetRequiredService<AddChatChannel>();
        var admin = await factory.MemberAsync(Demo.Admin);

        var standard = await add.HandleAsync(admin, new AddChatChannelCommand(WebhookFormat.Standard, "https://hooks.slack.com/services/x", null), CancellationToken.None);
        var metadata = await add.HandleAsync(admin, new AddChatChannelCommand(WebhookFormat.Slack, "http://169.254.169.254/latest/meta-data", null), CancellationToken.None);
        var notAUrl = await add.HandleAsync(admin, new AddChatChannelCommand(WebhookFormat.Teams, "javascript:alert(1)", null), CancellationToken.None);
        var otherProject = await add.HandleAsync(admin, new AddChatChannelCommand(WebhookFormat.Teams, "http://127.0.0.1:9/x", 987654321), CancellationToken.None);
        var manager = await add.HandleAsync(await factory.MemberAsync(Demo.Manager), new AddChatChannelCommand(WebhookFormat.Slack, "http://127.0.0.1:9/x", null), CancellationToken.None);

        Assert.Equal("Format", standard.Field);
        Assert.Equal(AddChatChannel.UrlField, metadata.Field);
        Assert.Contains("169.254.169.254 is a private or link-local address", metadata.Error, StringComparison.Ordinal);
        Assert.Equal(AddChatChannel.UrlField, notAUrl.Field);
        Assert.Equal(AddChatChannel.ProjectField, otherProject.Field);
        Assert.Equal(Messaging.Core.Common.FailureKind.NotFound, manager.Failure);
        Assert.Equal(0, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM webhooks"));
    }
}
