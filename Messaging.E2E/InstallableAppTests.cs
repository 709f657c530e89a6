using System.Text.Json;
using Messaging.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Messaging.E2E;

/// <summary>The portal as an installable app: Chromium accepts its manifest and service worker, and a thread opened once stays readable offline.</summary>
[Collection(PortalGroup.Name)]
public sealed class InstallableAppTests(PortalServer server)
{
    [Fact]
    public async Task ChromiumFindsTheAppInstallable()
    {
        // Chromium never offers to install from an incognito profile, which every other test uses.
        var profile = Directory.CreateTempSubdirectory("portal-install-");
        await using var context = await server.PersistentContextAsync(profile.FullName);
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        await new LoginPage(page).SignInAsync("client@demo.local");
        await page.GotoAsync("/portal/messages");
        await page.WaitForFunctionAsync("navigator.serviceWorker.ready.then(() => true)");

        var manifest = await page.EvaluateAsync<JsonElement>("fetch('/manifest.webmanifest').then(r => r.json())");
        Assert.Equal("standalone", manifest.GetProperty("display").GetString());
        Assert.Contains(manifest.GetProperty("icons").EnumerateArray(), i => i.GetProperty("sizes").GetString() == "512x512");

        var cdp = await context.NewCDPSessionAsync(page);
        var errors = await cdp.SendAsync("Page.getInstallabilityErrors");
        var list = errors!.Value.GetProperty("installabilityErrors").EnumerateArray().Select(e => e.GetProperty("errorId").GetString()).ToList();
        Assert.True(list.Count == 0, "installability errors: " + string.Join(", ", list));
        var manifestErrors = await cdp.SendAsync("Page.getAppManifest");
        Assert.Empty(manifestErrors!.Value.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task AThreadOpenedOnceIsReadableOfflineAndSaysSo()
    {
        await using var context = await server.ContextForAsync("client@demo.local", 390, 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/portal/messages");
        await page.WaitForFunctionAsync("navigator.serviceWorker.ready.then(() => true)");
        // The worker controls pages loaded after it activated: load the list again, then open a thread.
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("!!navigator.serviceWorker.controller");
        var href = await page.GetByTestId("conversation-row").First.GetAttributeAsync("href");
        await page.GotoAsync(href!);
        var firstMessage = await page.GetByTestId("message").First.InnerTextAsync();
        await Assertions.Expect(page.GetByTestId("offline-banner")).ToBeHiddenAsync();

        await context.SetOfflineAsync(true);
        await page.ReloadAsync();

        await Assertions.Expect(page.GetByTestId("offline-banner")).ToBeVisibleAsync();
        Assert.Equal(firstMessage, await page.GetByTestId("message").First.InnerTextAsync());
        await page.GotoAsync("/portal/messages/999999");
        await Assertions.Expect(page.GetByTestId("offline-page")).ToBeVisibleAsync();

        await context.SetOfflineAsync(false);
        await page.GotoAsync(href!);
        await Assertions.Expect(page.GetByTestId("offline-banner")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task SigningOutForgetsThePagesKeptForOfflineReading()
    {
        // A sign-in of its own, so the shared signed-in state of other tests is not the one signed out.
        await using var context = await server.Browser.NewContextAsync(new() { BaseURL = server.BaseUrl });
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync("client2@demo.local");
        await page.GotoAsync("/portal/messages");
        await page.WaitForFunctionAsync("navigator.serviceWorker.ready.then(() => true)");
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("!!navigator.serviceWorker.controller");
        await page.WaitForFunctionAsync("caches.open('portal-pages-v1').then(c => c.keys()).then(k => k.length > 0)");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));

        await page.WaitForFunctionAsync("caches.open('portal-pages-v1').then(c => c.keys()).then(k => k.length === 0)");
    }
}
