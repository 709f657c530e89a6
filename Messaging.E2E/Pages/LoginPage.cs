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
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }
}
