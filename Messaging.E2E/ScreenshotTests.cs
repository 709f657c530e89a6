using Messaging.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Messaging.E2E;

/// <summary>Screenshots of the list and the thread at desktop and phone widths, kept as test output; the phone layout must not scroll sideways.</summary>
[Collection(PortalGroup.Name)]
public sealed class ScreenshotTests(PortalServer server)
{
    [Theory]
    [InlineData("client@demo.local", "portal", "desktop", 1280, 800)]
    [InlineData("client@demo.local", "portal", "phone", 390, 844)]
    [InlineData("staff@demo.local", "staff", "desktop", 1280, 800)]
    [InlineData("staff@demo.local", "staff", "phone", 390, 844)]
    public async Task ListAndThreadRenderAtThisWidth(string email, string area, string label, int width, int height)
    {
        await using var context = await server.ContextForAsync(email, width, height);
        var page = await context.NewPageAsync();
        var folder = Path.Combine(PortalServer.OutputDirectory, "screenshots");
        Directory.CreateDirectory(folder);

        await new ConversationListPage(page).OpenAsync(area);
        var listShot = Path.Combine(folder, $"{area}-list-{label}.png");
        await page.ScreenshotAsync(new() { Path = listShot, FullPage = true });
        Assert.True(await FitsWidthAsync(page), $"{area} list scrolls sideways at {width}px");

        await page.GetByTestId("conversation-row").Filter(new() { HasText = "Spring campaign kickoff" }).ClickAsync();
        await page.GetByTestId("reply-form").WaitForAsync();
        await page.GetByTestId("message").Last.ScrollIntoViewIfNeededAsync();
        var threadShot = Path.Combine(folder, $"{area}-thread-{label}.png");
        await page.ScreenshotAsync(new() { Path = threadShot, FullPage = false });
        Assert.True(await FitsWidthAsync(page), $"{area} thread scrolls sideways at {width}px");

        Assert.True(new FileInfo(listShot).Length > 10_000);
        Assert.True(new FileInfo(threadShot).Length > 10_000);
    }

    private static Task<bool> FitsWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1");
}
