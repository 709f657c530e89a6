using System.Globalization;
using Messaging.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Messaging.E2E;

/// <summary>Notifications in the browser: the unread count in the title and the badge kept live, a desktop notification for a hidden tab, permission asked only from the settings page; the settings pages at desktop and phone widths.</summary>
[Collection(PortalGroup.Name)]
public sealed class NotificationTests(PortalServer server)
{
    [Fact]
    public async Task TheTitleCountAndBadgeUpdateLiveAndAHiddenTabShowsADesktopNotification()
    {
        await using var clientContext = await server.ContextForAsync("client2@demo.local");
        await using var staffContext = await server.ContextForAsync("staff@demo.local");
        await BrowserNotificationStub.InstallAsync(clientContext);
        var page = await clientContext.NewPageAsync();

        // Permission is asked from the settings page only, when the person presses the button.
        var settings = new NotificationSettingsPage(page);
        await settings.OpenAsync("portal");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.__permissionRequests"));
        await settings.AskPermission.ClickAsync();
        await Expect(settings.PermissionState).ToHaveTextAsync("Allowed in this browser.");
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__permissionRequests"));
        await settings.Browser.CheckAsync();
        await settings.Sound.CheckAsync();
        await settings.SaveAsync();
        await Expect(settings.Saved).ToBeVisibleAsync();

        // Read the thread first, so a new message makes the count grow.
        var list = new ConversationListPage(page);
        await list.OpenAsync("portal");
        var id = long.Parse((await list.Rows.Filter(new() { HasText = "Launch timeline" }).GetAttributeAsync("data-conversation-id"))!, CultureInfo.InvariantCulture);
        await new ThreadPage(page).OpenAsync("portal", id);
        await list.OpenAsync("portal");
        var before = int.Parse((await list.Badge.GetAttributeAsync("data-count"))!, CultureInfo.InvariantCulture);
        await Expect(page).ToHaveTitleAsync(before > 0 ? $"({before}) Messages · Client Portal" : "Messages · Client Portal");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.__permissionRequests")); // a fresh page load asks nothing
        await page.EvaluateAsync("() => { window.__hidden = true; }");

        var staffThread = new ThreadPage(await staffContext.NewPageAsync());
        await staffThread.OpenAsync("staff", id);
        await staffThread.SendAsync($"Launch moved to Thursday {Guid.NewGuid():N}");

        var after = (before + 1).ToString(CultureInfo.InvariantCulture);
        await Expect(list.Badge).ToHaveAttributeAsync("data-count", after, new() { Timeout = 15_000 });
        await Expect(page).ToHaveTitleAsync($"({after}) Messages · Client Portal");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-live", "open");
        Assert.Equal("New message", await page.EvaluateAsync<string>("() => window.__notifications.length === 1 ? window.__notifications[0].title : String(window.__notifications.length)"));

        // Reading it brings the count back down.
        await page.EvaluateAsync("() => { window.__hidden = false; }");
        await new ThreadPage(page).OpenAsync("portal", id);
        await Expect(list.Badge).ToHaveAttributeAsync("data-count", before.ToString(CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
    }

    [Theory]
    [InlineData("client@demo.local", "portal")]
    [InlineData("staff@demo.local", "staff")]
    public async Task TheSettingsPageFitsDesktopAndPhone(string email, string area)
    {
        foreach (var (label, width, height) in new[] { ("desktop", 1280, 800), ("phone", 390, 844) })
        {
            await using var context = await server.ContextForAsync(email, width, height);
            var settings = new NotificationSettingsPage(await context.NewPageAsync());
            await settings.OpenAsync(area);
            var shot = Path.Combine(PortalServer.OutputDirectory, "screenshots", $"{area}-notification-settings-{label}.png");
            Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
            await settings.Page.ScreenshotAsync(new() { Path = shot, FullPage = true });
            Assert.True(
                await settings.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"),
                $"/{area}/settings/notifications scrolls sideways at {width}px");
        }
    }
}
