using System.Net;
using System.Text.Json;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Web;

/// <summary>An unexpected exception: ProblemDetails for an endpoint or htmx, the friendly page for a page; never the exception's text.</summary>
public sealed class PortalExceptionHandlerTests(FaultyPortalFactory factory) : IClassFixture<FaultyPortalFactory>
{
    [Fact]
    public async Task AnUnexpectedExceptionInAnEndpointIsA500ProblemDetailsWithoutTheExceptionText()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/events");
        request.Headers.Add("Accept", "text/event-stream");
        request.Headers.Add(FaultyPortalFactory.FaultHeader, "1");

        var response = await client.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(500, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("traceId").GetString()));
        Assert.DoesNotContain(FaultyPortalFactory.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnexpectedExceptionInAPageShowsTheErrorPageWithoutTheExceptionText()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Accept", "text/html");
        request.Headers.Add(FaultyPortalFactory.FaultHeader, "1");

        var response = await client.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Something went wrong", body, StringComparison.Ordinal);
        Assert.DoesNotContain(FaultyPortalFactory.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnexpectedExceptionInAnHtmxRequestToAPageIsA500ProblemDetails()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add(FaultyPortalFactory.FaultHeader, "1");

        var response = await client.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(FaultyPortalFactory.Secret, body, StringComparison.Ordinal);
    }
}
