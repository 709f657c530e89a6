using System.Globalization;
using System.Net;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Conversations;

/// <summary>The last-message preview in list rows: what each reader may see, and moderation.</summary>
public sealed class ConversationListPreviewTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<string> PreviewAsync(PortalClient who, string list, long conversationId) =>
        (await who.GetPageAsync(list))
            .QuerySelector($"[data-testid=conversation-row][data-conversation-id='{conversationId.ToString(CultureInfo.InvariantCulture)}'] .conv-preview")!
            .TextContent;

    [Fact]
    public async Task A_newer_internal_note_shows_to_staff_but_the_client_keeps_the_last_public_message()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        using var client = await factory.SignInAsync(Demo.Client);
        var invoice = await factory.Database.ScalarAsync<long>("SELECT id FROM conversations WHERE subject = 'Invoice question'");
        var thread = $"/staff/messages/{invoice.ToString(CultureInfo.InvariantCulture)}";

        var response = await admin.PostFormAsync(thread, thread + "?handler=Note", new()
        {
            ["Input.Body"] = "Internal preview check: VAT number verified",
            ["Input.IdempotencyKey"] = Guid.NewGuid().ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Contains("VAT number verified", await PreviewAsync(admin, "/staff/messages", invoice), StringComparison.Ordinal);
        var clientPreview = await PreviewAsync(client, "/portal/messages", invoice);
        Assert.DoesNotContain("Internal preview check", clientPreview, StringComparison.Ordinal);
        Assert.Contains("accounts@chloe.example", clientPreview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hidden_last_message_previews_as_hidden_without_its_text()
    {
        using var client = await factory.SignInAsync(Demo.Client2);
        var timeline = await factory.Database.ScalarAsync<long>("SELECT id FROM conversations WHERE subject = 'Launch timeline'");
        await factory.Database.ExecuteAsync($"UPDATE messages SET hidden_at = now() WHERE id = (SELECT max(id) FROM messages WHERE conversation_id = {timeline.ToString(CultureInfo.InvariantCulture)} AND kind = 'Text')");

        var preview = await PreviewAsync(client, "/portal/messages", timeline);

        Assert.Contains("hidden by a moderator", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("teaser", preview, StringComparison.Ordinal);
    }
}
