using Microsoft.Playwright;

namespace Messaging.E2E.Pages;

/// <summary>/admin/members: adding a member and changing one.</summary>
public sealed class MembersAdminPage(IPage page)
{
    public IPage Page => page;

    /// <summary>Adds a client and returns the activation link the page shows for them.</summary>
    public async Task<string> AddClientAsync(string email, string name)
    {
        await page.GotoAsync("/admin/members");
        await page.GetByTestId("add-member-email").FillAsync(email);
        await page.GetByTestId("add-member-name").FillAsync(name);
        await page.GetByTestId("add-member-kind").SelectOptionAsync("Client");
        await page.GetByTestId("add-member-submit").ClickAsync();
        var link = page.GetByTestId("activation-link");
        await link.WaitForAsync();
        return await link.InputValueAsync();
    }

    public async Task OpenMemberAsync(string name)
    {
        await page.GotoAsync("/admin/members");
        await page.GetByTestId("member-row").Filter(new() { HasText = name }).GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByTestId("member-detail").WaitForAsync();
    }

    public Task DeactivateAsync() => page.GetByTestId("member-deactivate").ClickAsync();

    public ILocator Saved => page.GetByTestId("member-saved");
}

/// <summary>/account/activate: a new member sets their password from the link.</summary>
public sealed class ActivatePage(IPage page)
{
    public async Task SetPasswordAsync(string link, string password)
    {
        await page.GotoAsync(link);
        await page.GetByLabel("New password").FillAsync(password);
        await page.GetByLabel("Repeat it").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
    }
}
