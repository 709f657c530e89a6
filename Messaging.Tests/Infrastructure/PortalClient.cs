using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Messaging.Tests.Infrastructure;

/// <summary>An HTTP client that behaves like a browser user: signs in through the form, scrapes antiforgery tokens, and can act as htmx.</summary>
public sealed class PortalClient(HttpClient http) : IDisposable
{
    public const string Password = "Passw0rd!demo";

    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public async Task SignInAsync(string email, string password = Password)
    {
        var response = await PostFormAsync("/account/login", "/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {email} failed: {(int)response.StatusCode}");
    }

    public async Task<IHtmlDocument> GetPageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}\n{body[..Math.Min(body.Length, 2000)]}");
        return Parser.ParseDocument(body);
    }

    public Task<HttpResponseMessage> GetAsync(string url, bool htmx = false, string? target = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (htmx)
        {
            request.Headers.Add("HX-Request", "true");
            if (target is not null)
            {
                request.Headers.Add("HX-Target", target);
            }
        }

        return Http.SendAsync(request);
    }

    /// <summary>Loads <paramref name="pageWithForm"/>, takes its antiforgery token, and posts the fields to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageWithForm, string action, Dictionary<string, string> fields, bool htmx = false, bool withToken = true)
    {
        var form = new Dictionary<string, string>(fields);
        if (withToken)
        {
            var page = await GetPageAsync(pageWithForm);
            var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                ?? throw new InvalidOperationException($"No antiforgery token on {pageWithForm}");
            form["__RequestVerificationToken"] = token;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(form) };
        if (htmx)
        {
            request.Headers.Add("HX-Request", "true");
        }

        return await Http.SendAsync(request);
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    public void Dispose() => Http.Dispose();
}
