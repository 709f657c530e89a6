using System.Globalization;
using Messaging.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Messaging.E2E;

/// <summary>The home pages in a real browser: the widgets are there, and a message sent meanwhile shows up without a reload.</summary>
[Collection(PortalGroup.Name)]
public sealed class HomeTests(PortalServer server)
{
    [Fact]
    public async Task AClientsHomeShowsANewMessageLiveAndLeadsToTheThread()
    {
        await using var clientContext = await server.ContextForAsync("client2@demo.local");
        var clientPage = await clientContext.NewPageAsync();
        var list = new ConversationListPage(clientPage);
        await list.OpenAsync("portal");
        var row = clientPage.GetByTestId("conversation-row").Filter(new() { HasText = "Launch timeline" });
        var id = long.Parse((await row.GetAttributeAsync("data-conversation-id"))!, CultureInfo.InvariantCulture);
        await row.ClickAsync(); // read it, so it leaves the unread widget
        await clientPage.GetByTestId("reply-form").WaitForAsync();
        await clientPage.GetByTestId("nav-home").ClickAsync();
        var unread = clientPage.Locator("[data-testid=home-widget][data-widget=unread]");
        await Expect(clientPage.GetByTestId("home-widget")).ToHaveCountAsync(3);
        await Expect(unread.Locator($"[data-conversation-id='{id}']")).ToHaveCountAsync(0);

        await using var staffContext = await server.ContextForAsync("staff@demo.local");
        var staffThread = new ThreadPage(await staffContext.NewPageAsync());
        await staffThread.OpenAsync("staff", id);
        await staffThread.SendAsync($"The teaser date is fixed {Guid.NewGuid():N}");

        var item = unread.Locator($"[data-conversation-id='{id}']");
        await Expect(item).ToContainTextAsync("1 new message", new() { Timeout = 15_000 });
        await item.Locator("a").ClickAsync();
        await Expect(clientPage).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/portal/messages/{id}$"));
        await Expect(clientPage.GetByTestId("reply-form")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AStaffHomeListsTheWidgets()
    {
        await using var context = await server.ContextForAsync("staff@demo.local", 390, 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/home");
        await Expect(page.GetByTestId("home-widget")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-testid=home-widget][data-widget=overdue] [data-testid=home-item][data-overdue=true]").First).ToBeVisibleAsync();
    }
}
