using Messaging.E2E.Infrastructure;
using Messaging.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Messaging.E2E;

/// <summary>
/// Messages written offline wait in the outbox (IndexedDB) with their idempotency keys, survive a reload and a browser
/// restart, can be cancelled, and go out once each when the connection returns.
/// </summary>
[Collection(PortalGroup.Name)]
public sealed class OfflineOutboxTests(PortalServer server)
{
    [Fact]
    public async Task TwoMessagesWrittenOfflineSurviveAReloadAndABrowserRestartAndAreStoredOnceEach()
    {
        var profile = Directory.CreateTempSubdirectory("portal-outbox-");
        var marker = Guid.NewGuid().ToString("N")[..8];
        var first = $"Written on the train {marker}";
        var second = $"And one more from the tunnel {marker}";
        var cancelled = $"Never mind this one {marker}";
        string thread;
        await using (var context = await server.PersistentContextAsync(profile.FullName))
        {
            var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            await new LoginPage(page).SignInAsync("client2@demo.local");
            await page.GotoAsync("/portal/messages");
            await page.WaitForFunctionAsync("navigator.serviceWorker.ready.then(() => true)");
            await page.ReloadAsync();
            await page.WaitForFunctionAsync("!!navigator.serviceWorker.controller");
            thread = (await page.GetByTestId("conversation-row").Filter(new() { HasText = "Launch timeline" }).GetAttributeAsync("href"))!;
            await page.GotoAsync(thread);
            var tools = new ComposeTools(page);
            var queue = page.GetByTestId("outbox-queue");
            await Expect(queue).ToBeHiddenAsync();

            await context.SetOfflineAsync(true);
            await tools.Body.FillAsync(first);
            await tools.Body.PressAsync("Enter");
            await Expect(queue.GetByTestId("outbox-item")).ToHaveCountAsync(1);
            await Expect(queue).ToContainTextAsync(first);
            await Expect(tools.Body).ToHaveValueAsync("");

            await page.ReloadAsync(); // the thread as the service worker kept it
            await Expect(page.GetByTestId("offline-banner")).ToBeVisibleAsync();
            await Expect(queue.GetByTestId("outbox-item")).ToHaveCountAsync(1);
            await tools.Body.FillAsync(second);
            await page.GetByTestId("reply-send").ClickAsync();
            await tools.Body.FillAsync(cancelled);
            await tools.Body.PressAsync("Enter");
            await Expect(queue.GetByTestId("outbox-item")).ToHaveCountAsync(3);
            await queue.GetByTestId("outbox-item").Filter(new() { HasText = cancelled }).GetByTestId("outbox-cancel").ClickAsync();
            await Expect(queue.GetByTestId("outbox-item")).ToHaveCountAsync(2);
            await Expect(queue.GetByTestId("outbox-item").Nth(0)).ToContainTextAsync(first);
            await Expect(queue.GetByTestId("outbox-item").Nth(1)).ToContainTextAsync(second);
        }

        // The browser closed offline and opens again online: the queue goes out on the first page.
        await using (var context = await server.PersistentContextAsync(profile.FullName))
        {
            var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            await page.GotoAsync(thread);
            if (page.Url.Contains("/account/login", StringComparison.Ordinal))
            {
                await new LoginPage(page).SignInAsync("client2@demo.local");
                await page.GotoAsync(thread);
            }

            await Expect(page.GetByTestId("outbox-queue")).ToBeHiddenAsync(new() { Timeout = 15_000 });
            await page.ReloadAsync();
            var messages = page.GetByTestId("message");
            await Expect(messages.Filter(new() { HasText = first })).ToHaveCountAsync(1);
            await Expect(messages.Filter(new() { HasText = second })).ToHaveCountAsync(1);
            await Expect(messages.Filter(new() { HasText = cancelled })).ToHaveCountAsync(0);
            var texts = await messages.AllInnerTextsAsync();
            var firstAt = texts.ToList().FindIndex(t => t.Contains(first, StringComparison.Ordinal));
            Assert.True(firstAt >= 0 && texts.ToList().FindIndex(t => t.Contains(second, StringComparison.Ordinal)) > firstAt, "sent in the order written");

            // A second flush (another tab, a page opened later) sends nothing again.
            await page.EvaluateAsync("() => window.dispatchEvent(new Event('online'))");
            await page.ReloadAsync();
            await Expect(page.GetByTestId("message").Filter(new() { HasText = first })).ToHaveCountAsync(1);
        }

        profile.Delete(recursive: true);
    }
}
