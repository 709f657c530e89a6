using System.Net;
using System.Text.RegularExpressions;

namespace Messaging.Bench.Run;

/// <summary>
/// One signed-in browser, as far as the server can tell: its own cookies (authentication and
/// antiforgery), signing in through the real form and posting forms with their antiforgery token.
/// </summary>
public sealed partial class PortalSession : IDisposable
{
    private readonly CookieContainer cookies = new();

    public PortalSession(Uri address, string email)
    {
        Email = email;
        Handler = new SocketsHttpHandler
        {
            CookieContainer = cookies,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        };
        Http = new HttpClient(Handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Email { get; }

    public HttpClient Http { get; }

    public SocketsHttpHandler Handler { get; }

    /// <summary>The Cookie header this session sends, for an outside load tool such as wrk.</summary>
    public string CookieHeader => cookies.GetCookieHeader(Http.BaseAddress!);

    public async Task SignInAsync(string password, CancellationToken ct)
    {
        var page = await Http.GetStringAsync(new Uri("/account/login", UriKind.Relative), ct);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = Email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
        });
        using var response = await Http.PostAsync(new Uri("/account/login", UriKind.Relative), form, ct);
        if (response.StatusCode != HttpStatusCode.Redirect || cookies.GetCookies(Http.BaseAddress!)["portal.auth"] is null)
        {
            throw new InvalidOperationException($"Signing in as {Email} failed: {(int)response.StatusCode}.");
        }
    }

    /// <summary>Opens a page and returns the antiforgery token of its forms.</summary>
    public async Task<string> TokenFromAsync(string path, CancellationToken ct) =>
        AntiforgeryToken(await Http.GetStringAsync(new Uri(path, UriKind.Relative), ct));

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on the page.");
    }

    public void Dispose()
    {
        Http.Dispose();
        Handler.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
