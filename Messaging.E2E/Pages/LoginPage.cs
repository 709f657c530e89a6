using Microsoft.Playwright;

namespace Messaging.E2E.Infrastructure;

public sealed class LoginPage(IPage page)
{
    public const string Password = "Passw0rd!demo";

    public async Task SignInAsync(string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Wait for the signed-in page itself, not for its load event: a page that keeps a live stream open or is slow to
        // finish loading on a busy CI machine must not fail a sign-in that has already succeeded.
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync(new() { Timeout = 60_000 });
    }
}
