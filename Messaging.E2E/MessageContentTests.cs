using System.Globalization;
using Messaging.E2E.Infrastructure;
using Messaging.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Messaging.E2E;

/// <summary>Formatting, mentions, reply quotes, edit and delete, drafts and offline retries, as people use them in the browser.</summary>
[Collection(PortalGroup.Name)]
public sealed class MessageContentTests(PortalServer server)
{
    private static readonly LocatorAssertionsToContainTextOptions Live = new() { Timeout = 15_000 };

    private static async Task<long> OpenConversationAsync(IPage page, string area, string subject)
    {
        await new ConversationListPage(page).OpenAsync(area);
        var row = page.GetByTestId("conversation-row").Filter(new() { HasText = subject });
        var id = long.Parse((await row.GetAttributeAsync("data-conversation-id"))!, CultureInfo.InvariantCulture);
        await new ThreadPage(page).OpenAsync(area, id);
        return id;
    }

    [Fact]
    public async Task AnEditAndADeleteAreSeenLiveByTheOtherParticipant()
    {
        await using var clientContext = await server.ContextForAsync("client@demo.local");
        await using var adminContext = await server.ContextForAsync("admin@demo.local");
        var chloe = new ThreadPage(await clientContext.NewPageAsync());
        var id = await OpenConversationAsync(chloe.Page, "portal", "Invoice question");
        var ada = new ThreadPage(await adminContext.NewPageAsync());
        await ada.OpenAsync("staff", id);
        await ada.Page.EvaluateAsync("() => { window.__noReload = 'still here'; }");

        var text = $"The VAT number is 123 {Guid.NewGuid():N}";
        await chloe.SendAsync(text);
        var adaSees = new ComposeTools(ada.Page).Message(text);
        await Expect(adaSees.Body).ToContainTextAsync(text, Live);

        var sentId = await new ComposeTools(chloe.Page).Message(text).Root.GetAttributeAsync("data-message-id");
        var mine = new MessageItem(chloe.Page.Locator($"[data-testid=message][data-message-id='{sentId}']"));
        var corrected = text.Replace("123", "456", StringComparison.Ordinal);
        await mine.EditAsync(corrected);
        await Expect(mine.Edited).ToBeVisibleAsync();

        var adaSeesEdit = new ComposeTools(ada.Page).Message(corrected);
        await Expect(adaSeesEdit.Body).ToContainTextAsync(corrected, Live);
        await Expect(adaSeesEdit.Edited).ToBeVisibleAsync();
        await Expect(ada.Page.GetByTestId("message").Filter(new() { HasText = text })).ToHaveCountAsync(0);

        var messageId = await adaSeesEdit.Root.GetAttributeAsync("data-message-id");
        await new ComposeTools(chloe.Page).Message(corrected).DeleteAsync();

        var gone = new MessageItem(ada.Page.Locator($"[data-testid=message][data-message-id='{messageId}']"));
        await Expect(gone.Deleted).ToHaveTextAsync("Message deleted", new() { Timeout = 15_000 });
        await Expect(ada.Page.GetByText(corrected)).ToHaveCountAsync(0);
        Assert.Equal("still here", await ada.Page.EvaluateAsync<string>("() => window.__noReload"));
    }

    [Fact]
    public async Task AReplyQuotesTheOriginalAndTheQuoteJumpsToIt()
    {
        await using var context = await server.ContextForAsync("client@demo.local");
        var page = await context.NewPageAsync();
        await OpenConversationAsync(page, "portal", "Spring campaign kickoff");
        var tools = new ComposeTools(page);
        var originalId = await page.GetByTestId("message").Filter(new() { HasText = "final schedule" }).GetAttributeAsync("data-message-id");
        var original = page.Locator($"#m-{originalId}");

        await new MessageItem(original).ReplyAsync();
        await Expect(tools.ReplyTarget).ToContainTextAsync("Replying to Sam Staff");
        var reply = $"Confirmed, see you there {Guid.NewGuid():N}";
        await new ThreadPage(page).SendAsync(reply);

        var quote = tools.Message(reply).Quote;
        await Expect(quote).ToContainTextAsync("final schedule");
        await Expect(tools.ReplyTarget).ToBeHiddenAsync();
        await page.Mouse.WheelAsync(0, -5000);
        await quote.ClickAsync();
        await Expect(original).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-target"));
        await Expect(original).ToBeInViewportAsync();
    }

    [Fact]
    public async Task FormattingEmojiAndMentionAutocompleteComposeAMessage()
    {
        await using var context = await server.ContextForAsync("staff@demo.local");
        var page = await context.NewPageAsync();
        await OpenConversationAsync(page, "staff", "Moodboard feedback");
        var tools = new ComposeTools(page);
        var marker = Guid.NewGuid().ToString("N")[..8];

        await tools.Body.FillAsync($"**Palette v2** is ready {marker}");
        await tools.Body.PressAsync("Shift+Enter");
        await tools.Body.PressSequentiallyAsync("- warmer tones");
        await tools.Body.PressAsync("Shift+Enter");
        await tools.Body.PressSequentiallyAsync("- less stock `photo` ");
        await tools.Body.PressSequentiallyAsync("@chl");
        await Expect(tools.MentionOptions).ToHaveTextAsync(["Chloe Client"]);
        await tools.Body.PressAsync("Enter"); // picks the person, does not send
        await tools.PickEmojiAsync("🎉");
        await tools.Urgent.CheckAsync();
        StringAssert(await tools.Body.InputValueAsync(), $"**Palette v2** is ready {marker}\n- warmer tones\n- less stock `photo` @Chloe Client 🎉");

        await tools.Body.PressAsync("Enter"); // sends
        var sent = tools.Message(marker);
        await Expect(sent.Body.Locator("strong")).ToHaveTextAsync("Palette v2");
        await Expect(sent.Body.Locator("li")).ToHaveCountAsync(2);
        await Expect(sent.Body.Locator("code")).ToHaveTextAsync("photo");
        await Expect(sent.Body.GetByTestId("mention")).ToHaveTextAsync("@Chloe Client");
        await Expect(sent.Body).ToContainTextAsync("🎉");
        await Expect(sent.Root.GetByTestId("priority-badge")).ToHaveTextAsync("Urgent");
        await Expect(tools.Body).ToHaveValueAsync("");
    }

    [Fact]
    public async Task ADraftSurvivesAReloadAndASendLostToTheNetworkIsRetriedOnceWhenItReturns()
    {
        await using var context = await server.ContextForAsync("client2@demo.local");
        var page = await context.NewPageAsync();
        await OpenConversationAsync(page, "portal", "Launch timeline");
        var tools = new ComposeTools(page);
        var text = $"Draft about the teaser {Guid.NewGuid():N}";

        await tools.Body.FillAsync(text);
        await page.ReloadAsync();
        await Expect(tools.Body).ToHaveValueAsync(text);

        // The browser thinks it is online, but the request never gets an answer: the form keeps the text and its key.
        await page.RouteAsync("**/portal/messages/*?handler=Reply", route => route.AbortAsync());
        await page.GetByTestId("reply-send").ClickAsync();
        await Expect(tools.NotSent).ToBeVisibleAsync();
        await Expect(tools.NotSent).ToContainTextAsync("Not sent — retry");
        await Expect(tools.Body).ToHaveValueAsync(text);

        await page.UnrouteAllAsync();
        await page.GetByTestId("reply-retry").ClickAsync();
        await Expect(tools.Message(text).Body).ToContainTextAsync(text, Live);
        await Expect(tools.NotSent).ToBeHiddenAsync();
        await Expect(tools.Body).ToHaveValueAsync("");
        await page.ReloadAsync();
        await Expect(page.GetByTestId("message").Filter(new() { HasText = text })).ToHaveCountAsync(1);
        await Expect(tools.Body).ToHaveValueAsync("");
    }

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task TheThreadWithQuotesMentionsAndAnOpenEditFormFitsThisWidth(string label, int width, int height)
    {
        var folder = Path.Combine(PortalServer.OutputDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await using var context = await server.ContextForAsync("admin@demo.local", width, height);
        var page = await context.NewPageAsync();
        await OpenConversationAsync(page, "staff", "Team sync: Q3 planning"); // staff only: leaves the clients' unread badges to the other tests
        var tools = new ComposeTools(page);

        await new MessageItem(page.GetByTestId("message").Filter(new() { HasText = "Agenda for Monday" }).First).ReplyAsync();
        await tools.Body.FillAsync($"@Sam Staff the slides are ready, all **12** of them: https://example.com/a-very-long-link-that-should-wrap-nicely-on-a-phone-{label}");
        await tools.Urgent.CheckAsync();
        await page.GetByTestId("reply-send").ClickAsync();
        var sent = tools.Message($"a-very-long-link-that-should-wrap-nicely-on-a-phone-{label}");
        await Expect(sent.Quote).ToBeVisibleAsync();
        await sent.Root.GetByTestId("message-edit").ClickAsync();
        await tools.Body.PressSequentiallyAsync("@");
        await tools.PickEmojiAsync("👍");
        await page.GetByTestId("reply-emoji").ClickAsync();

        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"staff-thread-content-{label}.png") });
        Assert.True(await FitsWidthAsync(page), $"the thread scrolls sideways at {width}px");

        await page.GotoAsync("/admin/settings");
        await page.GetByTestId("message-settings").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"admin-settings-{label}.png"), FullPage = true });
        Assert.True(await FitsWidthAsync(page), $"/admin/settings scrolls sideways at {width}px");
    }

    private static void StringAssert(string actual, string expected) => Assert.Equal(expected, actual);

    private static Task<bool> FitsWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1");
}
