using Deque.AxeCore.Playwright;
using Messaging.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Messaging.E2E;

/// <summary>
/// axe-core on every main page (portal, staff, admin), at desktop and phone width, in the light and the dark theme:
/// no serious or critical violation. Screenshots of each go to test-output/screenshots/a11y.
/// </summary>
[Collection(PortalGroup.Name)]
public sealed class AccessibilityTests(PortalServer server)
{
    public static TheoryData<string, string[]> Pages => new()
    {
        { "client@demo.local", ["/portal/home", "/portal/messages", "thread:/portal/messages", "/portal/messages/search?q=invoice", "/portal/messages/new", "/portal/settings/notifications", "/account/preferences"] },
        { "staff@demo.local", ["/staff/home", "/staff/messages", "thread:/staff/messages", "/staff/inbox", "/staff/messages/search?q=samples", "/staff/messages/new"] },
        { "admin@demo.local", ["/admin/members", "/admin/settings", "/admin/reports", "/admin/audit", "/admin/mailbox", "/staff/projects"] },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task MainPagesHaveNoSeriousViolationsInEitherThemeAtEitherWidth(string email, string[] paths)
    {
        var failures = new List<string>();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            foreach (var (label, width, height) in new[] { ("desktop", 1280, 800), ("phone", 390, 844) })
            {
                await using var context = await server.ContextForAsync(email, width, height, scheme);
                var page = await context.NewPageAsync();
                foreach (var path in paths)
                {
                    var url = await OpenAsync(page, path);
                    await Assertions.Expect(page.GetByTestId("theme")).ToHaveAttributeAsync("data-theme", scheme == ColorScheme.Dark ? "dark" : "light");
                    var result = await page.RunAxe();
                    failures.AddRange(result.Violations
                        .Where(v => v.Impact is "serious" or "critical")
                        .Select(v => $"{url} ({scheme}, {label}): {v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target.ToString()))}"));
                    var shot = Path.Combine(PortalServer.OutputDirectory, "screenshots", "a11y",
                        $"{email.Split('@')[0]}{url.Replace('/', '-').Split('?')[0]}-{label}-{scheme.ToString().ToLowerInvariant()}.png");
                    Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
                    await page.ScreenshotAsync(new() { Path = shot, FullPage = label == "phone" });
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task TheSkipLinkTakesTheKeyboardToTheContent()
    {
        await using var context = await server.ContextForAsync("client@demo.local");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/portal/messages");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        Assert.True(await skip.IsVisibleAsync(), "the skip link shows when it has the focus");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#main")).ToBeFocusedAsync();
    }

    private static async Task<string> OpenAsync(IPage page, string path)
    {
        var url = path;
        if (path.StartsWith("thread:", StringComparison.Ordinal))
        {
            await page.GotoAsync(path["thread:".Length..]);
            url = await page.GetByTestId("conversation-row").First.GetAttributeAsync("href") ?? throw new InvalidOperationException("no conversation row");
        }

        var response = await page.GotoAsync(url);
        Assert.Equal(200, response!.Status);
        return url;
    }
}
