using System.Net;
using Messaging.Core.Api;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Api;

/// <summary>The API tokens settings page: a token shown once, stored hashed, listed with its last use, revoked at once.</summary>
public sealed class ApiTokensPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string PortalPage = "/portal/settings/api-tokens";

    private static Dictionary<string, string> Form(string name, string scope = "Read", string days = "30") =>
        new() { ["Input.Name"] = name, ["Input.Scope"] = scope, ["Input.ExpiresInDays"] = days };

    [Fact]
    public async Task ANewTokenIsShownOnceStoredOnlyAsItsHashAndListedWithItsLastUse()
    {
        using var browser = await factory.SignInAsync(Demo.Client);
        using var created = await browser.PostFormAsync(PortalPage, PortalPage, Form("My script"));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var page = PortalClient.Parse(await created.Content.ReadAsStringAsync());
        var token = page.QuerySelector("[data-testid=api-token-value]")?.TextContent.Trim();
        Assert.NotNull(token);
        Assert.StartsWith("mpat_", token, StringComparison.Ordinal);

        var stored = await factory.Database.ScalarAsync<string>($"SELECT token_hash || '|' || prefix FROM api_tokens WHERE name = 'My script'");
        Assert.Equal($"{ApiTokenSecrets.Hash(token)}|{token[..12]}", stored);
        Assert.Equal(0, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM api_tokens t WHERE row_to_json(t)::text LIKE '%{token}%'"));

        var again = await browser.GetPageAsync(PortalPage);
        Assert.DoesNotContain(token, again.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var row = Assert.Single(again.QuerySelectorAll("[data-testid=api-token-row]"));
        Assert.Equal("Active", row.GetAttribute("data-status"));
        Assert.Equal("Never", row.QuerySelector("[data-testid=api-token-last-used]")?.TextContent.Trim());

        using var api = factory.ApiClient(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        var used = await browser.GetPageAsync(PortalPage);
        Assert.NotEqual("Never", used.QuerySelector("[data-testid=api-token-row] [data-testid=api-token-last-used]")?.TextContent.Trim());
    }

    [Fact]
    public async Task RevokingATokenStopsItAtOnce()
    {
        using var browser = await factory.SignInAsync(Demo.Staff);
        const string page = "/staff/settings/api-tokens";
        var created = PortalClient.Parse(await (await browser.PostFormAsync(page, page, Form("Staff tool", "ReadWrite", "7"))).Content.ReadAsStringAsync());
        var token = created.QuerySelector("[data-testid=api-token-value]")!.TextContent.Trim();
        var id = created.QuerySelector("[data-testid=api-token-row]")!.GetAttribute("data-token-id")!;
        using var api = factory.ApiClient(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        using var revoked = await browser.PostFormAsync(page, page + "?handler=Revoke", new() { ["tokenId"] = id });

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        await (await api.GetAsync("/api/v1/me")).AssertProblemAsync(401);
        var list = await browser.GetPageAsync(page);
        Assert.Contains(list.QuerySelectorAll("[data-testid=api-token-row]"), r => r.GetAttribute("data-token-id") == id && r.GetAttribute("data-status") == "Revoked");
    }

    [Fact]
    public async Task AnotherMembersTokenCannotBeRevoked()
    {
        var token = await factory.CreateTokenAsync(Demo.Client2);
        var id = await factory.Database.ScalarAsync<long>($"SELECT id FROM api_tokens WHERE token_hash = '{ApiTokenSecrets.Hash(token)}'");
        using var browser = await factory.SignInAsync(Demo.Client);

        using var response = await browser.PostFormAsync(PortalPage, PortalPage + "?handler=Revoke", new() { ["tokenId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var api = factory.ApiClient(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task ATokensNameIsShownAsTextNeverAsMarkup()
    {
        using var browser = await factory.SignInAsync(Demo.Client);
        using var created = await browser.PostFormAsync(PortalPage, PortalPage, Form("<img src=x onerror=alert(1)>"));
        var html = await created.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains(PortalClient.Parse(html).QuerySelectorAll("[data-testid=api-token-row] td"), td => td.TextContent == "<img src=x onerror=alert(1)>");
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryTokenMakesNoToken()
    {
        using var browser = await factory.SignInAsync(Demo.Client2);
        var before = await factory.Database.ScalarAsync<long>("SELECT count(*) FROM api_tokens");

        using var response = await browser.PostFormAsync(PortalPage, PortalPage, Form("forged"), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM api_tokens"));
    }

    [Theory]
    [InlineData("", "30", "Give the token a name")]
    [InlineData("fine", "3650", "Choose when the token expires")]
    public async Task ABadFormAnswers422WithTheReasonAndMakesNoToken(string name, string days, string reason)
    {
        using var browser = await factory.SignInAsync(Demo.Manager);
        const string page = "/staff/settings/api-tokens";
        using var response = await browser.PostFormAsync(page, page, Form(name, "Read", days));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var answer = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(reason, answer.QuerySelector("[data-testid=api-token-error]")?.TextContent, StringComparison.Ordinal);
        Assert.Null(answer.QuerySelector("[data-testid=api-token-value]"));
    }

    [Fact]
    public async Task ThePreferencesPageLinksToTheTokensPageOfTheMembersArea()
    {
        using var staff = await factory.SignInAsync(Demo.Viewer);
        var page = await staff.GetPageAsync("/account/preferences");
        Assert.Equal("/staff/settings/api-tokens", page.QuerySelector("[data-testid=api-tokens-link]")?.GetAttribute("href"));
    }
}
