using Microsoft.Playwright;

namespace Messaging.E2E.Infrastructure;

/// <summary>A conversation thread, in the portal or the staff area.</summary>
public sealed class ThreadPage(IPage page)
{
    public IPage Page => page;

    public ILocator Messages => page.GetByTestId("message");

    public ILocator Bodies => page.GetByTestId("message-body");

    public ILocator ReplyBody => page.GetByTestId("reply-body");

    public async Task OpenAsync(string area, long conversationId)
    {
        await page.GotoAsync($"/{area}/messages/{conversationId}");
        await page.GetByTestId("reply-form").WaitForAsync();
        await LiveConnection.WaitUntilOpenAsync(page);
    }

    public async Task SendAsync(string text)
    {
        await ReplyBody.FillAsync(text);
        await page.GetByTestId("reply-send").ClickAsync();
    }
}

/// <summary>A conversation list with the navigation badge.</summary>
public sealed class ConversationListPage(IPage page)
{
    public ILocator Rows => page.GetByTestId("conversation-row");

    public ILocator Badge => page.GetByTestId("unread-badge");

    public async Task OpenAsync(string area)
    {
        await page.GotoAsync($"/{area}/messages");
        await Rows.First.WaitForAsync();
        await LiveConnection.WaitUntilOpenAsync(page);
    }
}

public static class LiveConnection
{
    /// <summary>site.js marks the body once the htmx SSE extension's EventSource is open.</summary>
    public static Task WaitUntilOpenAsync(IPage page) => page.Locator("body[data-live=open]").WaitForAsync();
}
