using Messaging.E2E.Infrastructure;
using Messaging.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Messaging.E2E;

/// <summary>An Admin adds a member, the member activates their account, and deactivating them ends their open session.</summary>
[Collection(PortalGroup.Name)]
public sealed class MemberDeactivationTests(PortalServer server)
{
    [Fact]
    public async Task DeactivatingAMemberEndsTheirOpenSessionAndStopsThemSigningIn()
    {
        var email = $"dana.{Guid.NewGuid():N}"[..13] + "@example.test";
        await using var adminContext = await server.ContextForAsync("admin@demo.local");
        var admin = new MembersAdminPage(await adminContext.NewPageAsync());
        var link = await admin.AddClientAsync(email, "Dana Departing");

        // Dana sets her password from the activation link and signs in; her page has a live connection.
        await using var danaContext = await server.Browser.NewContextAsync(new() { BaseURL = server.BaseUrl });
        var dana = await danaContext.NewPageAsync();
        await new ActivatePage(dana).SetPasswordAsync(link, LoginPage.Password);
        await new LoginPage(dana).SignInAsync(email);
        await Expect(dana).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/portal/messages"));
        await LiveConnection.WaitUntilOpenAsync(dana);

        await admin.OpenMemberAsync("Dana Departing");
        await admin.DeactivateAsync();
        await Expect(admin.Saved).ToContainTextAsync("Deactivated");

        // Her open event stream is ended at once and cannot reconnect; her next click lands on sign-in.
        await Expect(dana.Locator("body")).Not.ToHaveAttributeAsync("data-live", "open", new() { Timeout = 10_000 });
        await dana.GetByRole(AriaRole.Link, new() { Name = "Messages" }).ClickAsync();
        await Expect(dana).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));

        // And she cannot sign in again.
        await dana.GetByLabel("Email").FillAsync(email);
        await dana.GetByLabel("Password").FillAsync(LoginPage.Password);
        await dana.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(dana.GetByTestId("login-error")).ToContainTextAsync("deactivated");
    }
}
