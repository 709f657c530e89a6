using Microsoft.Playwright;

namespace Messaging.E2E;

/// <summary>The notification settings page (<c>/portal/settings/notifications</c> or <c>/staff/...</c>).</summary>
public sealed class NotificationSettingsPage(IPage page)
{
    public IPage Page => page;

    public ILocator Browser => page.GetByTestId("browser-enabled");

    public ILocator Sound => page.GetByTestId("sound-enabled");

    public ILocator AskPermission => page.GetByTestId("ask-permission");

    public ILocator PermissionState => page.GetByTestId("permission-state");

    public ILocator Saved => page.GetByTestId("notification-settings-saved");

    public async Task OpenAsync(string area)
    {
        await page.GotoAsync($"/{area}/settings/notifications");
        await page.GetByTestId("notification-settings-form").WaitForAsync();
    }

    public Task SaveAsync() => page.GetByTestId("notification-settings-save").ClickAsync();
}

/// <summary>
/// Stands in for the browser's Notification API and tab visibility (headless Chromium has neither a
/// desktop to show notifications on nor a way to hide a tab): records what the page shows and asks.
/// </summary>
public static class BrowserNotificationStub
{
    public const string Script = """
        (() => {
          window.__notifications = [];
          window.__permissionRequests = 0;
          window.__hidden = false;
          function Stub(title, options) { window.__notifications.push({ title: title, body: options && options.body }); this.close = function () {}; }
          Object.defineProperty(Stub, 'permission', { get: function () { return sessionStorage.getItem('stub-permission') || 'default'; } });
          Stub.requestPermission = function () {
            window.__permissionRequests++;
            sessionStorage.setItem('stub-permission', 'granted');
            return Promise.resolve('granted');
          };
          window.Notification = Stub;
          Object.defineProperty(document, 'hidden', { configurable: true, get: function () { return window.__hidden; } });
        })();
        """;

    public static Task InstallAsync(IBrowserContext context) => context.AddInitScriptAsync(Script);
}
