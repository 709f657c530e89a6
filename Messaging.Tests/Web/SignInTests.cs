using System.Net;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Web;

public sealed class SignInTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ClientSignsInAndLandsOnTheirMessages()
    {
        using var client = await factory.SignInAsync(Demo.Client);

        var start = await client.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal("/portal/messages", start.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task StaffLandOnTheStaffInbox()
    {
        using var staff = await factory.SignInAsync(Demo.Staff);

        var start = await staff.Http.GetAsync("/");

        Assert.Equal("/staff/messages", start.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task WrongPasswordShowsAClearMessage()
    {
        using var anonymous = factory.NewClient();

        var response = await anonymous.PostFormAsync("/account/login", "/account/login",
            new() { ["Input.Email"] = Demo.Viewer, ["Input.Password"] = "wrong-password" });
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("That email and password do not match an account.", page.QuerySelector("[data-testid=login-error]")?.TextContent);
    }

    [Fact]
    public async Task FiveFailedAttemptsLockTheAccountEvenAgainstTheRightPassword()
    {
        using var anonymous = factory.NewClient();
        for (var i = 0; i < 5; i++)
        {
            await anonymous.PostFormAsync("/account/login", "/account/login", new() { ["Input.Email"] = Demo.Client2, ["Input.Password"] = "nope" + i });
        }

        var response = await anonymous.PostFormAsync("/account/login", "/account/login",
            new() { ["Input.Email"] = Demo.Client2, ["Input.Password"] = PortalClient.Password });
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("locked", page.QuerySelector("[data-testid=login-error]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        using var client = await factory.SignInAsync(Demo.Client);

        var logout = await client.PostFormAsync("/portal/messages", "/account/logout", []);
        var after = await client.Http.GetAsync("/portal/messages");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("https://localhost/account/login", after.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousVisitorsAreSentToSignIn()
    {
        using var anonymous = factory.NewClient();

        var response = await anonymous.Http.GetAsync("/staff/messages");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoPasswordIsNotShownOutsideDevelopment()
    {
        using var anonymous = factory.NewClient();

        var page = await anonymous.GetPageAsync("/account/login");

        Assert.Null(page.QuerySelector("[data-testid=demo-accounts]"));
    }

    [Fact]
    public async Task PostingAFormWithoutItsAntiforgeryTokenIsRejected()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Invoice question");
        var before = await factory.Database.MessageCountAsync(id);

        var response = await client.PostFormAsync("", $"/portal/messages/{id}?handler=Reply",
            new() { ["Input.Body"] = "no token" }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await factory.Database.MessageCountAsync(id));
    }
}

public sealed class DevelopmentSignInTests(DevelopmentPortalFactory factory) : IClassFixture<DevelopmentPortalFactory>
{
    [Fact]
    public async Task DemoAccountsAreShownOnTheLoginPageInDevelopment()
    {
        using var anonymous = factory.NewClient();

        var page = await anonymous.GetPageAsync("/account/login");

        Assert.Contains("Passw0rd!demo", page.QuerySelector("[data-testid=demo-accounts]")?.TextContent, StringComparison.Ordinal);
    }
}
