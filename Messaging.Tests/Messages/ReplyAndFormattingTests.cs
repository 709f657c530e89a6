using System.Net;
using Messaging.Tests.Infrastructure;
using static Messaging.Tests.Messages.MessageContent;

namespace Messaging.Tests.Messages;

/// <summary>Replies with a quote of the original, priority badges, and the Markdown subset as the thread renders it.</summary>
public sealed class ReplyAndFormattingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AReplyShowsAQuoteThatLinksToTheOriginal()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        var invoice = await factory.Database.ConversationIdAsync("Invoice question");
        var original = $"Which VAT rate applies? {Guid.NewGuid():N}";
        await SendAsync(chloe, "/portal/messages", invoice, original);
        var originalId = await factory.Database.MessageIdAsync(original);
        var answer = $"Answering myself {Guid.NewGuid():N}";

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(chloe, "/portal/messages", invoice, answer, replyTo: originalId)).StatusCode);
        var message = await MessageOnPageAsync(chloe, "/portal/messages", invoice, await factory.Database.MessageIdAsync(answer));
        var quote = message!.QuerySelector("[data-testid=reply-quote]");

        Assert.Equal(originalId, await factory.Database.ScalarAsync<long>($"SELECT reply_to_id FROM messages WHERE body = '{answer}'"));
        Assert.Contains("Chloe Client", quote!.TextContent, StringComparison.Ordinal);
        Assert.Contains(original, quote.TextContent, StringComparison.Ordinal);
        Assert.Equal($"?before={Id(originalId + 1)}#m-{Id(originalId)}", quote.GetAttribute("href"));
    }

    [Fact]
    public async Task AReplyToAMessageOfAnotherConversationIsRefusedAndNothingIsStored()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        var invoice = await factory.Database.ConversationIdAsync("Invoice question");
        var foreign = await factory.Database.ScalarAsync<long>("SELECT id FROM messages WHERE body LIKE 'Looks good. Can we bring the teaser%'");
        var before = await factory.Database.MessageCountAsync(invoice);

        var response = await SendAsync(chloe, "/portal/messages", invoice, "quoting Carlos", replyTo: foreign);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("no longer available", PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=reply-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await factory.Database.MessageCountAsync(invoice));
    }

    [Fact]
    public async Task AnInternalNoteQuotedInAPublicReplyIsNeverShownToTheClient()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        using var chloe = await factory.SignInAsync(Demo.Client);
        var moodboard = await factory.Database.ConversationIdAsync("Moodboard feedback");
        var note = $"Budget is the real issue {Guid.NewGuid():N}";
        await SendAsync(sam, "/staff/messages", moodboard, note, note: true);
        var reply = $"We'll send a new palette {Guid.NewGuid():N}";
        await SendAsync(sam, "/staff/messages", moodboard, reply, replyTo: await factory.Database.MessageIdAsync(note));
        var replyId = await factory.Database.MessageIdAsync(reply);

        var clientHtml = await (await chloe.GetAsync($"/portal/messages/{Id(moodboard)}")).Content.ReadAsStringAsync();
        var asClient = await MessageOnPageAsync(chloe, "/portal/messages", moodboard, replyId);
        var asStaff = await MessageOnPageAsync(sam, "/staff/messages", moodboard, replyId);

        Assert.DoesNotContain("Budget is the real issue", clientHtml, StringComparison.Ordinal);
        Assert.Null(asClient!.QuerySelector("[data-testid=reply-quote]"));
        Assert.Contains("Budget is the real issue", asStaff!.QuerySelector("[data-testid=reply-quote]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQuoteOfADeletedMessageSaysTheOriginalIsUnavailable()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        var invoice = await factory.Database.ConversationIdAsync("Invoice question");
        var original = $"Soon deleted {Guid.NewGuid():N}";
        await SendAsync(chloe, "/portal/messages", invoice, original);
        var originalId = await factory.Database.MessageIdAsync(original);
        var reply = $"Reply to the deleted one {Guid.NewGuid():N}";
        await SendAsync(chloe, "/portal/messages", invoice, reply, replyTo: originalId);
        await DeleteAsync(chloe, originalId);

        var message = await MessageOnPageAsync(chloe, "/portal/messages", invoice, await factory.Database.MessageIdAsync(reply));

        Assert.Equal("Original message unavailable", message!.QuerySelector("[data-testid=reply-quote]")!.TextContent.Trim());
        Assert.DoesNotContain("Soon deleted", message.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUrgentMessageCarriesABadgeAndANormalOneDoesNot()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        var invoice = await factory.Database.ConversationIdAsync("Invoice question");
        var urgent = $"Payment bounced! {Guid.NewGuid():N}";
        var normal = $"No rush {Guid.NewGuid():N}";
        await SendAsync(chloe, "/portal/messages", invoice, urgent, urgent: true);
        await SendAsync(chloe, "/portal/messages", invoice, normal);

        var urgentMessage = await MessageOnPageAsync(chloe, "/portal/messages", invoice, await factory.Database.MessageIdAsync(urgent));
        var normalMessage = await MessageOnPageAsync(chloe, "/portal/messages", invoice, await factory.Database.MessageIdAsync(normal));

        Assert.Equal("Urgent", await factory.Database.ScalarAsync<string>($"SELECT priority FROM messages WHERE body = '{urgent}'"));
        Assert.Equal("Urgent", urgentMessage!.QuerySelector("[data-testid=priority-badge]")!.TextContent);
        Assert.Null(normalMessage!.QuerySelector("[data-testid=priority-badge]"));
    }

    [Fact]
    public async Task TheMarkdownSubsetRendersAndAJavascriptLinkIsNeutralised()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        var invoice = await factory.Database.ConversationIdAsync("Invoice question");
        var marker = Guid.NewGuid().ToString("N");
        var body = $"**Bold** and _italic_ {marker}\n\n- first\n- second\n\nRun `npm ci` then:\n\n```\ndotnet test\n```\n\n[click me](javascript:alert(document.cookie)) or [docs](https://example.com/docs)";

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(chloe, "/portal/messages", invoice, body)).StatusCode);
        using var ada = await factory.SignInAsync(Demo.Admin); // not the author, whose edit form holds the text as typed
        var html = await (await ada.GetAsync($"/staff/messages/{Id(invoice)}")).Content.ReadAsStringAsync();
        var message = PortalClient.Parse(html).QuerySelectorAll("[data-testid=message-body]").Single(b => b.TextContent.Contains(marker, StringComparison.Ordinal));

        Assert.Equal("Bold", message.QuerySelector("strong")!.TextContent);
        Assert.Equal("italic", message.QuerySelector("em")!.TextContent);
        Assert.Equal(2, message.QuerySelectorAll("ul > li").Length);
        Assert.Equal("npm ci", message.QuerySelector("p > code")!.TextContent);
        Assert.Equal("dotnet test\n", message.QuerySelector("pre > code")!.TextContent);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        var links = message.QuerySelectorAll("a");
        Assert.Equal("#", links.Single(a => a.TextContent == "click me").GetAttribute("href"));
        var docs = links.Single(a => a.TextContent == "docs");
        Assert.Equal("https://example.com/docs", docs.GetAttribute("href"));
        Assert.Equal("noopener nofollow", docs.GetAttribute("rel"));
    }
}
