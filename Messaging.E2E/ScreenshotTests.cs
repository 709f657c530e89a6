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

    [Theory]
    [InlineData("admin@demo.local", "/admin/members", "admin-members")]
    [InlineData("admin@demo.local", "/staff/projects", "staff-projects")]
    [InlineData("admin@demo.local", "/admin/audit", "admin-audit")]
    [InlineData("admin@demo.local", "/admin/reports", "admin-reports")]
    [InlineData("client@demo.local", "/account/preferences", "preferences")]
    [InlineData("client@demo.local", "/portal/home", "portal-home")]
    [InlineData("staff@demo.local", "/staff/home", "staff-home")]
    public async Task AdministrationPagesFitAPhone(string email, string path, string name)
    {
        foreach (var (label, width, height) in new[] { ("desktop", 1280, 800), ("phone", 390, 844) })
        {
            await using var context = await server.ContextForAsync(email, width, height);
            var page = await context.NewPageAsync();
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            var shot = Path.Combine(PortalServer.OutputDirectory, "screenshots", $"{name}-{label}.png");
            Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
            await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
            Assert.True(await FitsWidthAsync(page), $"{path} scrolls sideways at {width}px");
        }
    }

    [Fact]
    public async Task AClosedProjectsThreadIsReadOnlyForItsClientAndStaffSeeWhoIsInAThread()
    {
        var folder = Path.Combine(PortalServer.OutputDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await using var clientContext = await server.ContextForAsync("client@demo.local", 390, 844);
        var client = await clientContext.NewPageAsync();
        await new ConversationListPage(client).OpenAsync("portal");
        await client.GetByTestId("conversation-row").Filter(new() { HasText = "Catalogue wrap-up" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(client.GetByTestId("read-only-notice")).ToContainTextAsync("closed");
        Assert.Equal(0, await client.GetByTestId("reply-form").CountAsync());
        await client.ScreenshotAsync(new() { Path = Path.Combine(folder, "portal-closed-thread-phone.png"), FullPage = true });

        await using var staffContext = await server.ContextForAsync("staff@demo.local", 390, 844);
        var staff = await staffContext.NewPageAsync();
        await new ConversationListPage(staff).OpenAsync("staff");
        await staff.GetByTestId("conversation-row").Filter(new() { HasText = "Spring campaign kickoff" }).ClickAsync();
        await staff.GetByTestId("participants-panel").Locator("summary").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(staff.GetByTestId("participant")).ToHaveCountAsync(2);
        await staff.ScreenshotAsync(new() { Path = Path.Combine(folder, "staff-thread-participants-phone.png") });
        Assert.True(await FitsWidthAsync(staff), "the staff thread with the participants panel scrolls sideways at 390px");
    }

    private static Task<bool> FitsWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1");
}
