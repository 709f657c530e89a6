using System.Net;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Api;

/// <summary>The OpenAPI document lists every API route (and only those) with the bearer scheme; the Scalar reference is served from here.</summary>
public sealed class ApiDocumentTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheOpenApiDocumentDescribesTheApiRoutesAndTheBearerScheme()
    {
        using var anonymous = factory.ApiClient(null);
        using var response = await anonymous.GetAsync("/api/v1/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.JsonAsync();
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var route in new[] { "/api/v1/me", "/api/v1/conversations", "/api/v1/conversations/{id}", "/api/v1/conversations/{id}/messages", "/api/v1/messages/{id}", "/api/v1/attachments/{id}", "/api/v1/search", "/api/v1/projects", "/api/v1/projects/{id}" })
        {
            Assert.Contains(route, paths);
        }

        Assert.All(paths, p => Assert.StartsWith("/api/v1/", p, StringComparison.Ordinal));
        Assert.True(document.GetProperty("paths").GetProperty("/api/v1/conversations/{id}/messages").TryGetProperty("post", out _));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task TheReferencePageIsServedWithItsScriptFromThisServer()
    {
        using var anonymous = factory.ApiClient(null);
        using var bare = await anonymous.GetAsync("/api/docs");
        // Scalar serves the page under the folder, so its relative script paths resolve there.
        Assert.Equal("/api/docs/", new Uri(new Uri(PortalFactory.BaseAddress, "/api/docs"), bare.Headers.Location!).AbsolutePath);
        using var response = await anonymous.GetAsync("/api/docs/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"url\":\"api/v1/openapi.json\"", html, StringComparison.Ordinal);
        var scripts = PortalClient.Parse(html).QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            Assert.False(script.Contains("//", StringComparison.Ordinal), script); // nothing from another host
            using var js = await anonymous.GetAsync(new Uri(new Uri(PortalFactory.BaseAddress, "/api/docs/"), script));
            Assert.Equal(HttpStatusCode.OK, js.StatusCode);
        }
    }
}
