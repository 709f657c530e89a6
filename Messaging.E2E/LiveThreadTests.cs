using System.Globalization;
using Messaging.E2E.Infrastructure;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace Messaging.E2E;

[Collection(PortalGroup.Name)]
public sealed class LiveThreadTests(PortalServer server)
{
    private static async Task<long> ConversationIdAsync(IPage page, string subject)
    {
        var row = page.GetByTestId("conversation-row").Filter(new() { HasText = subject });
        return long.Parse((await row.GetAttributeAsync("data-conversation-id"))!, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task AClientsMessageAppearsInTheThreadStaffHaveOpenWithoutReload()
    {
        await using var staffContext = await server.ContextForAsync("staff@demo.local");
        await using var clientContext = await server.ContextForAsync("client@demo.local");
        var clientPage = await clientContext.NewPageAsync();
        await new ConversationListPage(clientPage).OpenAsync("portal");
        var id = await ConversationIdAsync(clientPage, "Moodboard feedback");

        var staffThread = new ThreadPage(await staffContext.NewPageAsync());
        await staffThread.OpenAsync("staff", id);
        await staffThread.Page.EvaluateAsync("() => { window.__noReload = 'still here'; }");
        var clientThread = new ThreadPage(clientPage);
        await clientThread.OpenAsync("portal", id);

        var text = $"Live from the browser {Guid.NewGuid():N}";
        await clientThread.SendAsync(text);

        // The sender sees their message at once and the form clears.
        await Expect(clientThread.Bodies.Last).ToContainTextAsync(text);
        await Expect(clientThread.ReplyBody).ToHaveValueAsync("");
        // Staff see it arrive without reloading the page.
        await Expect(staffThread.Bodies.Last).ToContainTextAsync(text, new() { Timeout = 15_000 });
        Assert.Equal("still here", await staffThread.Page.EvaluateAsync<string>("() => window.__noReload"));
        await Expect(staffThread.Page.GetByTestId("message").Filter(new() { HasText = text })).ToHaveCountAsync(1);

        // A screen reader on the staff page hears it through the live region; the sender's own page does not announce it.
        var announcer = staffThread.Page.GetByTestId("message-announcer");
        await Expect(announcer).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(announcer).ToContainTextAsync("New message from");
        await Expect(announcer).ToContainTextAsync(text);
        await Expect(clientPage.GetByTestId("message-announcer")).Not.ToContainTextAsync(text);
    }

    [Fact]
    public async Task TheUnreadBadgeAndListUpdateLiveWhenStaffReply()
    {
        await using var staffContext = await server.ContextForAsync("staff@demo.local");
        await using var clientContext = await server.ContextForAsync("client2@demo.local");
        var clientList = new ConversationListPage(await clientContext.NewPageAsync());
        await clientList.OpenAsync("portal");
        var id = await ConversationIdAsync(clientList.Rows.Page, "Shipping samples");
        var before = int.Parse((await clientList.Badge.GetAttributeAsync("data-count"))!, CultureInfo.InvariantCulture);

        var staffThread = new ThreadPage(await staffContext.NewPageAsync());
        await staffThread.OpenAsync("staff", id);
        await staffThread.SendAsync("The samples arrived, thank you!");

        await Expect(clientList.Badge).ToHaveAttributeAsync("data-count", (before + 1).ToString(CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
        var row = clientList.Rows.Filter(new() { HasText = "Shipping samples" });
        await Expect(row.GetByTestId("conversation-unread")).ToBeVisibleAsync();
        await Expect(clientList.Rows.First).ToContainTextAsync("Shipping samples");
    }
}
