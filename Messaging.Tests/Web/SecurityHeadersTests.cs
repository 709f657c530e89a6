using System.Net;
using Messaging.Tests.Infrastructure;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Messaging.Tests.Web;

/// <summary>Headers, cookies and HTTPS rules outside Development (the tests run as "Testing").</summary>
public sealed class SecurityHeadersTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/account/login", HttpStatusCode.OK)]
    [InlineData("/no/such/page", HttpStatusCode.NotFound)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/healthz", HttpStatusCode.OK)]
    public async Task EveryResponseCarriesTheSecurityHeaders(string url, HttpStatusCode expected)
    {
        using var anonymous = factory.NewClient();

        var response = await anonymous.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("script-src 'self';", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
    }

    [Theory]
    [InlineData(Demo.Staff, "/staff/messages/{0}")]
    [InlineData(Demo.Client, "/portal/messages/{0}")]
    [InlineData(Demo.Admin, "/admin/audit")]
    public async Task PagesHaveNoInlineScriptStyleOrEventHandlers(string email, string url)
    {
        using var someone = await factory.SignInAsync(email);
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");

        var page = await someone.GetPageAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, id));

        Assert.Empty(page.QuerySelectorAll("script:not([src]), style, [style]"));
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal) || a.Name.StartsWith("hx-on", StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("[hx-trigger*='[']"));
        var htmxConfig = page.QuerySelector("meta[name=htmx-config]")!.GetAttribute("content")!;
        Assert.Contains("\"includeIndicatorStyles\":false", htmxConfig, StringComparison.Ordinal);
        Assert.Contains("\"allowEval\":false", htmxConfig, StringComparison.Ordinal);
        Assert.Contains("{\"code\":\"429\",\"swap\":true", htmxConfig, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAuthAndAntiforgeryCookiesAreHttpOnlyLaxAndSecure()
    {
        using var anonymous = factory.NewClient();

        var login = await anonymous.GetAsync("/account/login");
        var signIn = await anonymous.PostFormAsync("/account/login", "/account/login", new() { ["Input.Email"] = Demo.Admin, ["Input.Password"] = PortalClient.Password });
        var settings = await anonymous.PostFormAsync("/admin/settings", "/admin/settings", new() { ["MessagesEnabled"] = "true" });

        static string Cookie(HttpResponseMessage response, string prefix) =>
            response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(prefix, StringComparison.Ordinal)).ToLowerInvariant();

        foreach (var cookie in new[] { Cookie(login, ".AspNetCore.Antiforgery."), Cookie(signIn, "portal.auth="), Cookie(settings, ".AspNetCore.Mvc.CookieTempDataProvider=") })
        {
            Assert.Contains("; httponly", cookie, StringComparison.Ordinal);
            Assert.Contains("; samesite=lax", cookie, StringComparison.Ordinal);
            Assert.Contains("; secure", cookie, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PlainHttpIsRedirectedToHttpsAndHttpsAnswersWithHsts()
    {
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://portal.example") });
        using var https = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://portal.example") });

        var plain = await http.GetAsync("/account/login");
        var secure = await https.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal("https://portal.example/account/login", plain.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.StartsWith("max-age=", string.Join(",", secure.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }
}

/// <summary>Development (./run.sh) serves plain http: no redirect, and cookies that work without TLS.</summary>
public sealed class DevelopmentHttpTests(DevelopmentPortalFactory factory) : IClassFixture<DevelopmentPortalFactory>
{
    [Fact]
    public async Task SigningInOverPlainHttpWorksInDevelopment()
    {
        using var client = new PortalClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") }));

        var login = await client.GetAsync("/account/login");
        await client.SignInAsync(Demo.Client);
        var messages = await client.GetAsync("/portal/messages");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.DoesNotContain("; secure", string.Join("\n", login.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        Assert.False(login.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.OK, messages.StatusCode);
    }
}
